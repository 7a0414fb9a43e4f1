package dev.modpipe.bench;

import dev.modpipe.model.RiskLevel;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The timeline of every post of one run, indexed by the post's number: when it was due, when it was
 * accepted, when its verdict appeared, when its review item was queued and when on-call was first
 * notified. Each slot is written once (the first sighting wins) from any thread.
 */
public final class RunLog {
    public static final long NONE = Long.MIN_VALUE;
    private static final String PREFIX = "bench-";
    private static final AtomicLong RUNS = new AtomicLong();

    private final String tag;
    private final PostMix mix;
    private final int capacity;
    private final PostKind[] kinds;
    private final AtomicLongArray due;
    private final AtomicLongArray accepted;
    private final AtomicLongArray classified;
    private final AtomicLongArray queued;
    private final AtomicLongArray notified;
    private final byte[] verdicts;
    private final AtomicInteger submitted = new AtomicInteger();
    private final AtomicInteger acceptedCount = new AtomicInteger();
    private final AtomicInteger failedCount = new AtomicInteger();
    private final AtomicInteger classifiedCount = new AtomicInteger();

    public RunLog(String name, PostMix mix, int capacity) {
        this.tag = name + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36) + RUNS.incrementAndGet();
        this.mix = mix;
        this.capacity = capacity;
        this.kinds = new PostKind[capacity];
        this.due = filled(capacity);
        this.accepted = filled(capacity);
        this.classified = filled(capacity);
        this.queued = filled(capacity);
        this.notified = filled(capacity);
        this.verdicts = new byte[capacity];
        Arrays.fill(verdicts, (byte) -1);
    }

    private static AtomicLongArray filled(int capacity) {
        long[] values = new long[capacity];
        Arrays.fill(values, NONE);
        return new AtomicLongArray(values);
    }

    public String tag() {
        return tag;
    }

    public int capacity() {
        return capacity;
    }

    public String postId(int index) {
        return PREFIX + tag + "-" + index;
    }

    /**
     * The index of a post id of this run, or -1 for any other post.
     */
    public int indexOf(String postId) {
        if (postId == null || !postId.startsWith(PREFIX + tag + "-")) {
            return -1;
        }
        try {
            int index = Integer.parseInt(postId.substring(PREFIX.length() + tag.length() + 1));
            return index >= 0 && index < capacity ? index : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Creates post number {@code index} and records when it was due to be sent. */
    public PostMix.Post take(int index, long dueNanos) {
        PostMix.Post post = mix.post(postId(index), index);
        kinds[index] = post.kind();
        due.set(index, dueNanos);
        submitted.incrementAndGet();
        return post;
    }

    public void accepted(int index, long nanos) {
        if (accepted.compareAndSet(index, NONE, nanos)) {
            acceptedCount.incrementAndGet();
        }
    }

    public void failed(int index) {
        failedCount.incrementAndGet();
    }

    public void classified(int index, long nanos, boolean flagged, RiskLevel risk) {
        if (classified.get(index) != NONE) {
            return; // a redelivery: the first sighting counts
        }
        // written before the volatile slot, so whoever sees the slot sees the verdict
        verdicts[index] = (byte) ((flagged ? 0x10 : 0) | (risk == null ? 0x0f : risk.ordinal()));
        if (classified.compareAndSet(index, NONE, nanos)) {
            classifiedCount.incrementAndGet();
        }
    }

    public void queued(int index, long nanos) {
        queued.compareAndSet(index, NONE, nanos);
    }

    public void notified(int index, long nanos) {
        notified.compareAndSet(index, NONE, nanos);
    }

    public int submitted() {
        return submitted.get();
    }

    public int acceptedCount() {
        return acceptedCount.get();
    }

    public int failedCount() {
        return failedCount.get();
    }

    public int classifiedCount() {
        return classifiedCount.get();
    }

    public PostKind kind(int index) {
        return kinds[index];
    }

    public long due(int index) {
        return due.get(index);
    }

    public long accepted(int index) {
        return accepted.get(index);
    }

    public long classified(int index) {
        return classified.get(index);
    }

    public long queued(int index) {
        return queued.get(index);
    }

    public long notified(int index) {
        return notified.get(index);
    }

    /** Whether the classifier flagged the post (false also when no verdict was seen). */
    public boolean flagged(int index) {
        return verdicts[index] >= 0 && (verdicts[index] & 0x10) != 0;
    }

    /** The classifier's self-harm risk, or null when no verdict was seen. */
    public RiskLevel risk(int index) {
        if (verdicts[index] < 0 || (verdicts[index] & 0x0f) == 0x0f) {
            return null;
        }
        return RiskLevel.values()[verdicts[index] & 0x0f];
    }
}
