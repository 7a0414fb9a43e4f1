package dev.modpipe.bench;

import dev.modpipe.e2e.Pipeline;
import dev.modpipe.e2e.ServiceProcess;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.PostClassified;
import dev.modpipe.model.PostKey;
import dev.modpipe.model.RiskLevel;
import dev.modpipe.model.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running system under test (a {@link Pipeline} with a number of partitions and classifier
 * instances) and the runs the benchmark makes against it.
 */
final class Bench implements AutoCloseable {
    static final String PLATFORM = "demo";
    /** The services' consumer groups (classifier: spring.cloud.stream binding group; review: review.intake.group-id). */
    static final String CLASSIFIER_GROUP = "classifier-service";

    static final String REVIEW_GROUP = "review-service";
    static final String STAGE_ACCEPT = "submit → accepted";
    static final String STAGE_CLASSIFIED = "accepted → classified";
    static final String STAGE_QUEUED = "accepted → queue visible";
    static final String STAGE_NOTIFIED = "accepted → on-call notified";
    static final String STAGE_QUEUED_FROM_SUBMIT = "submit → queue visible";
    static final String STAGE_NOTIFIED_FROM_SUBMIT = "submit → on-call notified";
    static final List<String> STAGES = List.of(
            STAGE_ACCEPT,
            STAGE_CLASSIFIED,
            STAGE_QUEUED,
            STAGE_NOTIFIED,
            STAGE_QUEUED_FROM_SUBMIT,
            STAGE_NOTIFIED_FROM_SUBMIT);

    private static final Logger LOG = LoggerFactory.getLogger(Bench.class);
    private static final int SATURATION_CAPACITY = 600_000;
    private static final int WARM_IN_FLIGHT = 500;

    final Pipeline pipeline;
    private final Options options;
    private final ProcessSampler sampler;
    private final RunRegistry registry = new RunRegistry();
    private final TimeBase time;
    private final PostMix mix;
    private final Admin admin;
    private final TopicWatcher classified;
    private final GroupLag classifierLag;
    private final GroupLag reviewLag;
    private final ReviewProbe probe;
    private final TopicSubmitter topicSubmitter;
    private final VerdictSubmitter verdictSubmitter;
    private final HttpSubmitter batchSubmitter;
    private final HttpSubmitter singleSubmitter;
    private final Map<PostKind, int[]> verdicts = new EnumMap<>(PostKind.class);
    private Baseline baseline;
    /** review-service's committed offsets on the classified topic, read every 200 ms while the bench runs. */
    private final AtomicLong reviewDone = new AtomicLong();

    private final AtomicLong reviewBase = new AtomicLong();
    private final ScheduledExecutorService reviewPoller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "review-offsets");
        thread.setDaemon(true);
        return thread;
    });

    private Bench(Options options, Pipeline pipeline, ProcessSampler sampler, TimeBase time, PostMix mix) {
        this.options = options;
        this.pipeline = pipeline;
        this.sampler = sampler;
        this.time = time;
        this.mix = mix;
        this.admin = pipeline.kafka.admin(Duration.ofSeconds(10));
        String bootstrap = pipeline.kafka.bootstrapServers();
        this.classified = new TopicWatcher(bootstrap, Topics.CLASSIFIED.defaultName(), (record, nanos) -> {
            String postId = PostKey.postIdOf(record.key());
            registry.find(postId, (run, index) -> {
                PostClassified verdict = EventJson.read(record.value(), PostClassified.class);
                run.classified(index, nanos, verdict.flagged(), verdict.selfHarmRisk());
            });
        });
        this.classifierLag = new GroupLag(admin, CLASSIFIER_GROUP, Topics.POSTS.defaultName());
        this.reviewLag = new GroupLag(admin, REVIEW_GROUP, Topics.CLASSIFIED.defaultName());
        this.probe = new ReviewProbe(pipeline, time);
        this.topicSubmitter = new TopicSubmitter(bootstrap, Topics.POSTS.defaultName(), PLATFORM);
        this.verdictSubmitter = new VerdictSubmitter(bootstrap, Topics.CLASSIFIED.defaultName(), PLATFORM);
        this.batchSubmitter = new HttpSubmitter(pipeline.ingestUrl(""), Pipeline.API_KEY, options.batchSize);
        this.singleSubmitter = new HttpSubmitter(pipeline.ingestUrl(""), Pipeline.API_KEY, 1);
        long base = reviewLag.committed();
        reviewBase.set(base);
        reviewDone.set(base);
        reviewPoller.scheduleWithFixedDelay(
                () -> {
                    try {
                        reviewDone.set(reviewLag.committed());
                    } catch (RuntimeException e) {
                        LOG.warn("cannot read review-service's offsets: {}", e.toString());
                    }
                },
                0,
                200,
                TimeUnit.MILLISECONDS);
    }

    /** Starts the system with its own broker and Redis and tracks its processes. */
    static Bench start(
            Options options, int partitions, int classifiers, ProcessSampler sampler, TimeBase time, PostMix mix) {
        LOG.info("starting the pipeline: {} partitions, {} classifier instance(s)", partitions, classifiers);
        Pipeline.Builder builder = Pipeline.builder()
                .root(options.root)
                .logDir(options.logDir)
                .partitions(partitions)
                .classifiers(classifiers)
                // no re-escalation during a run: one tier, its first notification is what is measured
                .ackTimeout("60m");
        options.jvmOptions.forEach(builder::jvmOptions);
        Pipeline pipeline = builder.start();
        Bench bench = new Bench(options, pipeline, sampler, time, mix);
        bench.track();
        return bench;
    }

    String config() {
        return pipeline.classifiers().size() + "x" + pipeline.partitions();
    }

    private void track() {
        for (ServiceProcess service : pipeline.services()) {
            OptionalLong pid = service.pid();
            pid.ifPresent(p -> sampler.track(service.name(), p, service.metricsUrl()));
        }
        String brokerPort = " --port " + pipeline.kafka.port() + " ";
        String redisPort = " --port " + pipeline.redis.port() + " ";
        ProcessHandle.current().descendants().forEach(p -> {
            String line = ProcessSampler.commandLine(p.pid());
            if (line.contains("dev.modpipe.infra.BrokerMain") && line.contains(brokerPort)) {
                sampler.track("kafka-broker", p.pid(), null);
            } else if (line.contains("redis")
                    && (line.contains(redisPort) || line.contains(":" + pipeline.redis.port()))) {
                // redis-server rewrites its command line to "redis-server 127.0.0.1:PORT"
                sampler.track("redis", p.pid(), null);
            }
        });
        sampler.track("load-generator", ProcessHandle.current().pid(), null);
    }

    /** One more classifier instance in the same consumer group. */
    void addClassifier() {
        ServiceProcess added = pipeline.addClassifier();
        added.pid().ifPresent(p -> sampler.track(added.name(), p, added.metricsUrl()));
    }

    /** Load to warm up every JVM (JIT, pools, connections); nothing is recorded. */
    void warmUp(Duration duration) {
        LOG.info(
                "warming up for {} s (HTTP batches, then straight to the topic, then single posts)",
                duration.toSeconds());
        long millis = duration.toMillis();
        warm(batchSubmitter, 4, Duration.ofMillis(millis * 6 / 10), false);
        warm(topicSubmitter, options.maxInFlight, Duration.ofMillis(millis * 2 / 10), false);
        warm(singleSubmitter, options.singleConcurrency, Duration.ofMillis(millis * 2 / 10), false);
        drain();
    }

    /** Unmeasured load through one way in, as fast as absorbed. */
    private void warm(Submitter submitter, int maxCalls, Duration duration, boolean baselineRun) {
        RunLog run = new RunLog("w", mix, SATURATION_CAPACITY);
        registry.add(run);
        reviewBase.set(reviewDone.get());
        Load.saturate(
                submitter,
                run,
                baselineRun ? run::classifiedCount : pipelineCompleted(run),
                // a small backlog: enough to keep every stage busy, quick to drain while JVMs are still cold
                Math.min(WARM_IN_FLIGHT, options.maxInFlight),
                maxCalls,
                Duration.ZERO,
                Duration.ZERO,
                duration,
                Map.of());
        if (baselineRun) {
            drainBaseline(run);
        } else {
            drain();
        }
        registry.remove(run);
    }

    /** Completion for the pipeline: the verdict is on the classified topic and review-service has applied it. */
    private LongSupplier pipelineCompleted(RunLog run) {
        return () -> Math.min(run.classifiedCount(), reviewDone.get() - reviewBase.get());
    }

    /** A saturation run of one mode ({@code baseline}, {@code topic}, {@code http-batch}, {@code http-single}). */
    Results.ThroughputRun saturation(String mode, int rep) {
        return saturation(mode, rep, options.measureSeconds);
    }

    /** A saturation run measured for the given seconds; rep 0 is a warm-up round the report leaves out. */
    Results.ThroughputRun saturation(String mode, int rep, double measureSeconds) {
        drain();
        RunLog run = new RunLog(mode.substring(0, 1), mix, SATURATION_CAPACITY);
        registry.add(run);
        Submitter submitter;
        LongSupplier completed;
        int maxCalls;
        switch (mode) {
            case "baseline" -> {
                submitter = baseline().submitter();
                completed = run::classifiedCount;
                maxCalls = options.maxInFlight;
            }
            case "topic" -> {
                submitter = topicSubmitter;
                completed = pipelineCompleted(run);
                maxCalls = options.maxInFlight;
            }
            case "http-batch" -> {
                submitter = batchSubmitter;
                completed = pipelineCompleted(run);
                maxCalls = 4;
            }
            case "stage-classifier" -> {
                // the classifier alone: complete once the verdict is out (review may fall behind)
                submitter = topicSubmitter;
                completed = run::classifiedCount;
                maxCalls = options.maxInFlight;
            }
            case "stage-review" -> {
                // review-service alone: verdicts published by a stand-in, complete once review committed them
                submitter = verdictSubmitter;
                completed = () -> reviewDone.get() - reviewBase.get();
                maxCalls = options.maxInFlight;
            }
            case "http-single" -> {
                submitter = singleSubmitter;
                completed = pipelineCompleted(run);
                maxCalls = options.singleConcurrency;
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        long base = reviewLag.committed();
        reviewBase.set(base);
        reviewDone.set(base);
        ProcessSampler.Window window = sampler.window();
        Load.Saturation result = Load.saturate(
                submitter,
                run,
                completed,
                options.maxInFlight,
                maxCalls,
                Duration.ofMillis((long) (options.warmupSeconds * 1000)),
                Duration.ofMillis((long) (options.maxWarmupSeconds * 1000)),
                Duration.ofMillis((long) (measureSeconds * 1000)),
                stageCounters(run, mode));
        ProcessSampler.Readings readings = window.close();
        long postsInWindow = Math.max(1, completed.getAsLong());
        if (mode.equals("baseline")) {
            drainBaseline(run);
        } else {
            drain();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && run.classifiedCount() < run.acceptedCount()) {
            sleep(100);
        }
        int missing = Math.max(0, run.acceptedCount() - run.classifiedCount());
        if (missing > 0) {
            LOG.warn("{} of {} accepted posts never came out", missing, run.acceptedCount());
        }
        registry.remove(run);
        Map<String, Results.ProcessUse> processes = new LinkedHashMap<>();
        readings.processes()
                .forEach((name, use) -> processes.put(
                        name,
                        new Results.ProcessUse(
                                use.cpuSeconds(),
                                use.cpuSeconds() * 1000 / postsInWindow,
                                use.peakRss(),
                                use.peakHeap())));
        Results.ThroughputRun throughput = new Results.ThroughputRun(
                config(),
                pipeline.classifiers().size(),
                pipeline.partitions(),
                mode,
                rep,
                result.postsPerSecond(),
                result.submittedPerSecond(),
                result.completed(),
                result.seconds(),
                result.failed(),
                missing,
                readings.machineBusyCores(),
                readings.othersBusyCores(),
                readings.load1AtEnd(),
                result.stageRates(),
                processes);
        LOG.info(
                "{} {} {}: {} posts/s (submitted {} /s, {} failed; per stage {}), machine busy {} cores ({} by"
                        + " others), load {}",
                config(),
                mode,
                rep == 0 ? "warm-up round (not counted)" : "run " + rep,
                Math.round(result.postsPerSecond()),
                Math.round(result.submittedPerSecond()),
                result.failed(),
                result.stageRates().entrySet().stream()
                        .map(e -> e.getKey() + " " + Math.round(e.getValue()))
                        .toList(),
                String.format("%.2f", readings.machineBusyCores()),
                String.format("%.2f", readings.othersBusyCores()),
                readings.load1AtEnd());
        return throughput;
    }

    /** What each stage got through, counted separately, to see which one limits. */
    private Map<String, LongSupplier> stageCounters(RunLog run, String mode) {
        Map<String, LongSupplier> counters = new LinkedHashMap<>();
        counters.put("accepted", run::acceptedCount);
        if (mode.equals("baseline")) {
            counters.put("relayed", run::classifiedCount);
        } else {
            counters.put("classified", run::classifiedCount);
            counters.put("review", () -> reviewDone.get() - reviewBase.get());
        }
        return counters;
    }

    private Baseline baseline() {
        if (baseline == null) {
            LOG.info("starting the pass-through relay");
            baseline = new Baseline(
                    pipeline.kafka,
                    pipeline.partitions(),
                    options.jvmOptions.getOrDefault("classifier-service", List.of()),
                    options.logDir,
                    registry,
                    admin);
            baseline.relay()
                    .pid()
                    .ifPresent(p -> sampler.track(
                            "passthrough-relay", p, baseline.relay().metricsUrl()));
            LOG.info("warming the relay up for 5 s");
            warm(baseline.submitter(), options.maxInFlight, Duration.ofSeconds(5), true);
        }
        return baseline;
    }

    /** Stops the relay so it uses nothing during the pipeline's runs (it would idle anyway). */
    void stopBaseline() {
        if (baseline != null) {
            sampler.untrack("passthrough-relay");
            baseline.close();
            baseline = null;
        }
    }

    /**
     * A fixed-rate run with single posts (or batches) at {@code rate} posts/s: every post's
     * latency through every stage, from the posts due after the first {@code warmup} seconds.
     */
    Results.LatencyRun latency(double fraction, double rate, int rep, boolean batches, Map<String, Histogram> pooled) {
        drain();
        double warmup = options.latencyWarmupSeconds;
        double seconds = warmup + options.latencySeconds;
        RunLog run = new RunLog("l" + Math.round(fraction * 100), mix, (int) Math.ceil(rate * seconds) + 16);
        registry.add(run);
        Instant since = Instant.now().minusSeconds(2);
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmup * 1e9);
        Submitter submitter = batches ? batchSubmitter : singleSubmitter;
        Load.FixedRate fixed = Load.fixedRate(
                submitter,
                run,
                rate,
                Duration.ofMillis((long) (seconds * 1000)),
                Duration.ofMillis(options.batchTickMillis),
                batches ? 64 : options.singleConcurrency * 4);
        awaitVerdicts(run, Duration.ofSeconds(60));
        drain();
        awaitNotifications(run, Duration.ofSeconds(30));
        int[] found = probe.collect(run, since);
        registry.remove(run);

        Map<String, Histogram> histograms = new LinkedHashMap<>();
        STAGES.forEach(stage -> histograms.put(stage, Stats.newHistogram()));
        int posts = 0;
        int accepted = 0;
        int classifiedPosts = 0;
        int flagged = 0;
        int queued = 0;
        int crises = 0;
        int imminent = 0;
        int notified = 0;
        for (int i = 0; i < run.submitted(); i++) {
            if (run.due(i) < measureFrom) {
                continue;
            }
            posts++;
            PostKind kind = run.kind(i);
            int[] verdict = verdicts.computeIfAbsent(kind, k -> new int[3 + RiskLevel.values().length]);
            verdict[0]++;
            if (kind == PostKind.CRISIS) {
                crises++;
            }
            long due = run.due(i);
            long acc = run.accepted(i);
            if (acc == RunLog.NONE) {
                continue;
            }
            accepted++;
            Stats.record(histograms.get(STAGE_ACCEPT), acc - due);
            if (run.classified(i) != RunLog.NONE) {
                classifiedPosts++;
                verdict[1]++;
                Stats.record(histograms.get(STAGE_CLASSIFIED), run.classified(i) - acc);
                if (run.flagged(i)) {
                    flagged++;
                    verdict[2]++;
                }
                RiskLevel risk = run.risk(i);
                if (risk != null) {
                    verdict[3 + risk.ordinal()]++;
                    if (risk == RiskLevel.IMMINENT) {
                        imminent++;
                    }
                }
            }
            if (run.queued(i) != RunLog.NONE) {
                queued++;
                Stats.record(histograms.get(STAGE_QUEUED), run.queued(i) - acc);
                Stats.record(histograms.get(STAGE_QUEUED_FROM_SUBMIT), run.queued(i) - due);
            }
            if (run.notified(i) != RunLog.NONE) {
                notified++;
                Stats.record(histograms.get(STAGE_NOTIFIED), run.notified(i) - acc);
                Stats.record(histograms.get(STAGE_NOTIFIED_FROM_SUBMIT), run.notified(i) - due);
            }
        }
        Map<String, Stats.Percentiles> stages = new LinkedHashMap<>();
        histograms.forEach((stage, histogram) -> {
            stages.put(stage, Stats.percentiles(histogram));
            pooled.merge(stage, histogram, (a, b) -> {
                a.add(b);
                return a;
            });
        });
        Results.LatencyRun result = new Results.LatencyRun(
                fraction,
                rate,
                rep,
                batches ? "http-batch" : "http-single",
                posts,
                accepted,
                posts - accepted,
                classifiedPosts,
                flagged,
                queued,
                crises,
                imminent,
                notified,
                fixed.behindMillis(),
                ProcessSampler.load1(),
                stages);
        LOG.info(
                "latency at {}% ({} posts/s) run {}: {} posts, p99 classified {} ms, p99 queue {} ms ({} items, {} found in"
                        + " the audit log), crisis p99 {} ms ({} of {} notified)",
                Math.round(fraction * 100),
                Math.round(rate),
                rep,
                posts,
                stages.get(STAGE_CLASSIFIED).p99(),
                stages.get(STAGE_QUEUED).p99(),
                queued,
                found[0],
                stages.get(STAGE_NOTIFIED).p99(),
                notified,
                crises);
        return result;
    }

    /**
     * review-service's own view of crisis alerts (its Prometheus metrics), as a cross-check of the
     * webhook timing: alerts opened, and the time from a post's receipt to its first notification.
     */
    Map<String, Double> reviewServerSide() {
        Map<String, Double> values = new LinkedHashMap<>();
        try {
            String metrics = pipeline.reviewGet("/metrics", Pipeline.MODERATOR).body();
            for (String name : List.of(
                    "review_alerts_opened_total",
                    "review_alerts_time_to_first_notification_seconds_count",
                    "review_alerts_time_to_first_notification_seconds_sum",
                    "review_alerts_time_to_first_notification_seconds_max",
                    "review_alerts_delivery_failures_total")) {
                double sum = 0;
                boolean found = false;
                for (String line : metrics.split("\n")) {
                    if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                        found = true;
                    }
                }
                if (found) {
                    values.put(name, sum);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot read review-service's metrics: {}", e.toString());
        }
        return values;
    }

    /** Per kind: {posts, verdicts seen, flagged, then one count per risk level}. */
    Map<PostKind, int[]> verdicts() {
        return verdicts;
    }

    private void awaitVerdicts(RunLog run, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && run.classifiedCount() < run.acceptedCount()) {
            sleep(100);
        }
        if (run.classifiedCount() < run.acceptedCount()) {
            LOG.warn(
                    "{} of {} accepted posts had no verdict after {}",
                    run.acceptedCount() - run.classifiedCount(),
                    run.acceptedCount(),
                    timeout);
        }
    }

    /** Waits until every post the classifier judged IMMINENT has had its first notification. */
    private void awaitNotifications(RunLog run, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            int imminent = 0;
            for (int i = 0; i < run.submitted(); i++) {
                if (run.risk(i) == RiskLevel.IMMINENT) {
                    imminent++;
                }
            }
            long triggers = pipeline.webhook.deliveries().stream()
                    .filter(d -> "trigger".equals(d.body().path("event").asText()))
                    .filter(d -> run.indexOf(d.body().path("postId").asText(null)) >= 0)
                    .map(d -> d.body().path("postId").asText())
                    .distinct()
                    .count();
            if (triggers >= imminent) {
                return;
            }
            sleep(250);
        }
        LOG.warn("not every IMMINENT post of the run was notified within {}", timeout);
    }

    /** Waits until the classifier and review-service have caught up with everything sent. */
    boolean drain() {
        Duration timeout = Duration.ofSeconds(options.drainSeconds);
        boolean classifierDone = classifierLag.awaitCaughtUp(timeout);
        boolean reviewDone = reviewLag.awaitCaughtUp(timeout);
        if (!classifierDone || !reviewDone) {
            LOG.warn(
                    "the pipeline did not catch up within {} (classifier lag {}, review lag {})",
                    timeout,
                    classifierLag.lag(),
                    reviewLag.lag());
        }
        return classifierDone && reviewDone;
    }

    private void drainBaseline(RunLog run) {
        baseline().lag().awaitCaughtUp(Duration.ofSeconds(options.drainSeconds));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && run.classifiedCount() < run.acceptedCount()) {
            sleep(50);
        }
    }

    /** Memory of every tracked process right now: name → {rss, heap}. */
    Map<String, long[]> memoryNow() {
        Map<String, long[]> memory = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        pipeline.services().forEach(s -> names.add(s.name()));
        names.addAll(List.of("kafka-broker", "redis", "load-generator"));
        for (String name : names) {
            memory.put(name, new long[] {sampler.rssOf(name), sampler.heapOf(name)});
        }
        return memory;
    }

    Path logDir() {
        return options.logDir;
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        reviewPoller.shutdownNow();
        stopBaseline();
        for (ServiceProcess service : pipeline.services()) {
            sampler.untrack(service.name());
        }
        sampler.untrack("kafka-broker");
        sampler.untrack("redis");
        topicSubmitter.close();
        verdictSubmitter.close();
        batchSubmitter.close();
        singleSubmitter.close();
        classified.close();
        admin.close(Duration.ofSeconds(5));
        pipeline.close();
    }
}
