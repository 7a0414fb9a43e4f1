package dev.modpipe.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The two ways the benchmark offers load, both bounded in posts and in time.
 *
 * <ul>
 *   <li>{@link #saturate}: as fast as the system absorbs it. A closed loop that keeps at most a
 *       fixed number of posts in the system (submitted, not yet through its last stage), so every
 *       stage works at once, the backlog stays bounded and the rate that comes out is what the
 *       whole chain sustains.
 *   <li>{@link #fixedRate}: an open loop at a fixed rate. Each post has a due time set in advance
 *       and latencies count from it, so a stall delays the posts behind it instead of hiding
 *       them (no coordinated omission).
 * </ul>
 */
public final class Load {
    private Load() {}

    /**
     * What came out of a saturation run.
     *
     * @param postsPerSecond completions per second in the measured window
     * @param submittedPerSecond submissions per second in the measured window
     * @param completedPerSecond completions in each second of the measured window
     */
    public record Saturation(
            double postsPerSecond,
            double submittedPerSecond,
            long completed,
            double seconds,
            int failed,
            List<Long> completedPerSecond,
            Map<String, Double> stageRates) {}

    /**
     * Submits as fast as the system absorbs, keeping at most {@code maxInFlight} posts between
     * submission and completion and at most {@code maxCalls} calls unanswered. The measured window
     * of {@code measure} starts once {@code warmup} has passed and the in-flight bound has been
     * reached (the system holds a standing backlog, so what comes out is its sustained rate), but no
     * later than {@code maxWarmup}.
     */
    public static Saturation saturate(
            Submitter submitter,
            RunLog run,
            LongSupplier completed,
            int maxInFlight,
            int maxCalls,
            Duration warmup,
            Duration maxWarmup,
            Duration measure,
            Map<String, LongSupplier> stages) {
        Semaphore calls = new Semaphore(maxCalls);
        long start = System.nanoTime();
        long warmupEnd = start + warmup.toNanos();
        long warmupLimit = start + Math.max(warmup.toNanos(), maxWarmup.toNanos());
        boolean backlog = false;
        long measureFrom = -1;
        long end = Long.MAX_VALUE;
        long nextSecond = Long.MAX_VALUE;
        long completedAtStart = 0;
        long submittedAtStart = 0;
        long lastCompleted = 0;
        List<Long> perSecond = new ArrayList<>();
        Map<String, Long> stagesAtStart = new LinkedHashMap<>();
        int next = 0;
        int failedBefore = run.failedCount();
        while (next < run.capacity()) {
            long now = System.nanoTime();
            if (measureFrom < 0 && now >= warmupEnd && (backlog || now >= warmupLimit)) {
                measureFrom = now;
                end = now + measure.toNanos();
                nextSecond = now + TimeUnit.SECONDS.toNanos(1);
                completedAtStart = completed.getAsLong();
                submittedAtStart = run.submitted();
                stages.forEach((name, counter) -> stagesAtStart.put(name, counter.getAsLong()));
                lastCompleted = completedAtStart;
            }
            if (now >= nextSecond) {
                long done = completed.getAsLong();
                perSecond.add(done - lastCompleted);
                lastCompleted = done;
                nextSecond += TimeUnit.SECONDS.toNanos(1);
            }
            if (now >= end) {
                break;
            }
            if (run.submitted() - completed.getAsLong() - run.failedCount() >= maxInFlight) {
                backlog = true;
                LockSupport.parkNanos(1_000_000);
                continue;
            }
            if (!calls.tryAcquire()) {
                LockSupport.parkNanos(200_000);
                continue;
            }
            int count = Math.min(submitter.postsPerCall(), run.capacity() - next);
            submitter.submit(run, next, count, now).whenComplete((ignored, error) -> calls.release());
            next += count;
        }
        long finish = System.nanoTime();
        long done = completed.getAsLong();
        if (measureFrom < 0) {
            measureFrom = start;
        }
        double seconds = Math.max(1e-9, (finish - measureFrom) / 1e9);
        Map<String, Double> stageRates = new LinkedHashMap<>();
        stages.forEach((name, counter) ->
                stageRates.put(name, (counter.getAsLong() - stagesAtStart.getOrDefault(name, 0L)) / seconds));
        return new Saturation(
                (done - completedAtStart) / seconds,
                (run.submitted() - submittedAtStart) / seconds,
                done - completedAtStart,
                seconds,
                run.failedCount() - failedBefore,
                List.copyOf(perSecond),
                stageRates);
    }

    /**
     * What came out of a fixed-rate run.
     *
     * @param behindMillis how late the loop was, at worst, in sending a post that was due
     */
    public record FixedRate(double rate, int posts, double seconds, double behindMillis) {}

    /**
     * Sends {@code rate} posts per second for {@code duration}: one post per call when the
     * submitter takes single posts, else every {@code tick} the posts that fell due since the last
     * one (all due at the tick). At most {@code maxCalls} calls wait for an answer at once; beyond
     * that the loop falls behind its schedule and the posts' latencies show it.
     */
    public static FixedRate fixedRate(
            Submitter submitter, RunLog run, double rate, Duration duration, Duration tick, int maxCalls) {
        int total = (int) Math.min(run.capacity(), Math.round(rate * duration.toNanos() / 1e9));
        Semaphore calls = new Semaphore(maxCalls);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
        double interval = 1e9 / rate;
        long worstLate = 0;
        int sent = 0;
        long step = 0;
        while (sent < total) {
            long due;
            int count;
            if (submitter.postsPerCall() == 1) {
                due = start + Math.round(sent * interval);
                count = 1;
            } else {
                due = start + step * tick.toNanos();
                step++;
                int target = (int) Math.min(total, Math.floor((due - start) / interval) + 1);
                count = Math.min(target - sent, submitter.postsPerCall());
                if (count <= 0) {
                    continue;
                }
            }
            sleepUntil(due);
            calls.acquireUninterruptibly();
            long now = System.nanoTime();
            worstLate = Math.max(worstLate, now - due);
            submitter.submit(run, sent, count, due).whenComplete((ignored, error) -> calls.release());
            sent += count;
        }
        calls.acquireUninterruptibly(maxCalls); // every answer is in
        calls.release(maxCalls);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new FixedRate(rate, sent, seconds, worstLate / 1e6);
    }

    private static void sleepUntil(long due) {
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(wait, 1_000_000));
        }
    }
}
