package dev.modpipe.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.RiskLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline benchmark (issue 9): the whole system as real processes on one machine, measured side
 * by side with a pass-through baseline on the same broker, then written up as a Markdown report
 * with a latency plot. A command-line program, not a test; {@code deploy/bench/run.sh} builds what
 * is missing and runs it. Options: see {@link Options}.
 *
 * <ol>
 *   <li>Start the system (3 partitions, one classifier), note idle memory, warm every JVM up.
 *   <li>Saturation, repeated and interleaved so drifting background load hits every mode alike:
 *       the pass-through baseline, the pipeline fed straight to the topic, over HTTP in batches and
 *       over HTTP one post at a time.
 *   <li>Fixed-rate runs at 25 %, 50 % and 80 % of the single-post saturation: per-post latency to
 *       the verdict, to the moderators' queue and to on-call's webhook.
 *   <li>Scaling: more classifier instances, more partitions; throughput and CPU per post.
 * </ol>
 */
public final class PipelineBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineBenchmark.class);
    static final List<String> MODES = List.of("baseline", "topic", "http-batch", "http-single");
    static final List<String> STAGE_MODES = List.of("stage-classifier", "stage-review");

    private PipelineBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("--render")) {
            // writes the report and the plot again from a results.json, without running anything
            Path results = Path.of(args[1]).toAbsolutePath();
            write(EventJson.mapper().readValue(results.toFile(), Results.Run.class), results.getParent());
            return;
        }
        Options options = Options.parse(args);
        long started = System.nanoTime();
        long deadline = started + (long) (options.budgetMinutes * 60e9);
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String loadBefore = loadAverage();
        TimeBase time = TimeBase.now();
        PostMix mix = PostMix.standard(options.seed);
        Results results = new Results();
        Map<Double, Map<String, Histogram>> pooled = new TreeMap<>();
        Map<String, long[]> idle = new LinkedHashMap<>();
        Map<PostKind, int[]> verdicts = new EnumMap<>(PostKind.class);
        Map<String, Double> serverSide = new LinkedHashMap<>();
        LOG.info("pipeline benchmark: load average before {}, budget {} min", loadBefore, options.budgetMinutes);

        try (ProcessSampler sampler = new ProcessSampler()) {
            Bench bench = Bench.start(options, 3, 1, sampler, time, mix);
            try {
                sleep(Duration.ofSeconds(5));
                idle.putAll(bench.memoryNow());
                bench.warmUp(seconds(options.warmUpFloodSeconds));
                // a round of every mode that is not counted: every code path of every JVM (the load
                // generator's too) is compiled before the first counted run
                for (int round = 0; round < options.warmupRounds; round++) {
                    for (String mode : options.modes) {
                        bench.saturation(mode, 0, options.warmupRoundSeconds);
                    }
                    if (options.stageRuns > 0) {
                        for (String mode : STAGE_MODES) {
                            bench.saturation(mode, 0, options.warmupRoundSeconds);
                        }
                    }
                }

                for (int rep = 1; rep <= options.runs; rep++) {
                    for (String mode : options.modes) {
                        results.throughput.add(bench.saturation(mode, rep));
                    }
                    if (rep <= options.stageRuns) {
                        for (String mode : STAGE_MODES) {
                            results.throughput.add(bench.saturation(mode, rep));
                        }
                    }
                }
                bench.stopBaseline();

                double single = medianRate(results.throughput, "1x3", "http-single");
                double batch = medianRate(results.throughput, "1x3", "http-batch");
                double saturation = options.latencyBatches ? batch : single;
                if (Double.isNaN(saturation) && !options.levels.isEmpty()) {
                    results.notes.add("no saturation measured for the fixed-rate runs' mode: no latency runs");
                    saturation = 0;
                }
                for (int rep = 1; rep <= options.runs; rep++) {
                    for (double fraction : options.levels) {
                        if (saturation <= 0) {
                            break;
                        }
                        if (System.nanoTime() > deadline) {
                            results.notes.add("time budget reached: latency run " + rep + " at " + percent(fraction)
                                    + " skipped");
                            continue;
                        }
                        results.latency.add(bench.latency(
                                fraction,
                                fraction * saturation,
                                rep,
                                options.latencyBatches,
                                pooled.computeIfAbsent(fraction, f -> new LinkedHashMap<>())));
                    }
                }
                bench.verdicts().forEach((kind, counts) -> verdicts.put(kind, counts.clone()));
                serverSide.putAll(bench.reviewServerSide());

                for (int[] config : options.scale) {
                    int classifiers = config[0];
                    int partitions = config[1];
                    double needed = options.scaleRuns * (options.warmupSeconds + options.measureSeconds + 8)
                            + 30
                            + (partitions != bench.pipeline.partitions() ? 90 : 25 * classifiers);
                    if (System.nanoTime() + needed * 1e9 > deadline) {
                        results.notes.add(
                                "time budget reached: configuration " + classifiers + "x" + partitions + " skipped");
                        continue;
                    }
                    if (partitions != bench.pipeline.partitions()
                            || classifiers < bench.pipeline.classifiers().size()) {
                        bench.close();
                        bench = Bench.start(options, partitions, classifiers, sampler, time, mix);
                        bench.warmUp(seconds(options.warmUpFloodSeconds));
                    } else if (classifiers > bench.pipeline.classifiers().size()) {
                        while (bench.pipeline.classifiers().size() < classifiers) {
                            bench.addClassifier();
                        }
                        bench.warmUp(seconds(options.warmUpFloodSeconds));
                    }
                    // new classifier JVMs compile their code while they work: give them the rounds the
                    // first configuration had before it was measured
                    for (int round = 0; round < options.warmupRounds * 2; round++) {
                        bench.saturation("topic", 0, options.warmupRoundSeconds);
                    }
                    for (int rep = 1; rep <= options.scaleRuns; rep++) {
                        results.throughput.add(bench.saturation("topic", rep));
                    }
                }
            } catch (RuntimeException e) {
                LOG.error("the benchmark stopped early: {}", e.toString(), e);
                results.notes.add("the benchmark stopped early: " + e);
            } finally {
                bench.close();
            }
        }

        Results.Run run =
                assemble(options, results, pooled, idle, verdicts, serverSide, startedAt, loadBefore, started);
        Files.createDirectories(options.out);
        Files.write(
                options.out.resolve("results.json"),
                EventJson.mapper()
                        .copy()
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsBytes(run));
        write(run, options.out);
    }

    private static void write(Results.Run run, Path out) throws IOException {
        LatencyPlot.write(run, out.resolve("latency.png"));
        Files.writeString(out.resolve("pipeline-benchmark.md"), MarkdownReport.render(run));
        LOG.info("report written to {}", out.resolve("pipeline-benchmark.md"));
    }

    static Results.Run assemble(
            Options options,
            Results results,
            Map<Double, Map<String, Histogram>> pooled,
            Map<String, long[]> idle,
            Map<PostKind, int[]> verdicts,
            Map<String, Double> serverSide,
            Instant startedAt,
            String loadBefore,
            long started) {
        List<Results.Memory> memory = new ArrayList<>();
        idle.forEach((name, rssHeap) -> {
            long peakRss = rssHeap[0];
            long peakHeap = rssHeap[1];
            for (Results.ThroughputRun t : results.throughput) {
                Results.ProcessUse use = t.processes().get(name);
                if (t.config().equals("1x3") && use != null) {
                    peakRss = Math.max(peakRss, use.peakRss());
                    peakHeap = Math.max(peakHeap, use.peakHeap());
                }
            }
            memory.add(new Results.Memory(name, rssHeap[0], rssHeap[1], peakRss, peakHeap));
        });
        for (Results.ThroughputRun t : results.throughput) {
            Results.ProcessUse relay = t.processes().get("passthrough-relay");
            if (relay != null && memory.stream().noneMatch(m -> m.process().equals("passthrough-relay"))) {
                long peakRss = results.throughput.stream()
                        .map(r -> r.processes().get("passthrough-relay"))
                        .filter(u -> u != null)
                        .mapToLong(Results.ProcessUse::peakRss)
                        .max()
                        .orElse(-1);
                long peakHeap = results.throughput.stream()
                        .map(r -> r.processes().get("passthrough-relay"))
                        .filter(u -> u != null)
                        .mapToLong(Results.ProcessUse::peakHeap)
                        .max()
                        .orElse(-1);
                memory.add(new Results.Memory("passthrough-relay", -1, -1, peakRss, peakHeap));
            }
        }

        List<Results.VerdictRow> verdictRows = new ArrayList<>();
        verdicts.forEach((kind, c) -> {
            Map<RiskLevel, Integer> risk = new EnumMap<>(RiskLevel.class);
            for (RiskLevel level : RiskLevel.values()) {
                risk.put(level, c[3 + level.ordinal()]);
            }
            verdictRows.add(new Results.VerdictRow(kind, c[0], c[1], c[2], risk));
        });

        Map<String, Stats.Percentiles> pooledLatency = new LinkedHashMap<>();
        List<Results.Curve> curves = new ArrayList<>();
        pooled.forEach((fraction, stages) -> stages.forEach((stage, histogram) -> {
            pooledLatency.put(percent(fraction) + " " + stage, Stats.percentiles(histogram));
            if (histogram.getTotalCount() > 0) {
                curves.add(new Results.Curve(stage, fraction, curve(histogram)));
            }
        }));

        Results.Conditions conditions = new Results.Conditions(
                startedAt.toString(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                memTotal(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                loadBefore,
                loadAverage(),
                (System.nanoTime() - started) / 60e9);
        Results.Settings settings = new Results.Settings(
                options.runs,
                options.warmupSeconds,
                options.measureSeconds,
                options.latencySeconds,
                options.maxInFlight,
                options.batchSize,
                options.levels,
                PostMix.DEFAULT_SHARES,
                options.jvmOptions);
        return new Results.Run(
                conditions,
                settings,
                results.throughput,
                results.latency,
                pooledLatency,
                memory,
                verdictRows,
                curves,
                serverSide,
                results.notes);
    }

    /** (percentile, milliseconds) points of a latency distribution, for the plot. */
    static List<double[]> curve(Histogram histogram) {
        List<double[]> points = new ArrayList<>();
        // n samples resolve percentiles up to 100 (1 - 1/n): the curve ends there, at the maximum
        double resolved = 100.0 * (1 - 1.0 / histogram.getTotalCount());
        for (HistogramIterationValue v : histogram.percentiles(5)) {
            double percentile = Math.min(v.getPercentileLevelIteratedTo(), Math.max(resolved, 0));
            points.add(new double[] {percentile, v.getValueIteratedTo() / 1000.0});
            if (percentile >= resolved || percentile >= 99.99) {
                break;
            }
        }
        points.add(new double[] {Math.min(99.99, Math.max(resolved, 0)), histogram.getMaxValue() / 1000.0});
        return points;
    }

    static double medianRate(List<Results.ThroughputRun> runs, String config, String mode) {
        return Stats.median(runs.stream()
                .filter(r -> r.config().equals(config) && r.mode().equals(mode))
                .mapToDouble(Results.ThroughputRun::postsPerSecond)
                .toArray());
    }

    static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis((long) (seconds * 1000));
    }

    private static void sleep(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst()
                    .orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }
}
