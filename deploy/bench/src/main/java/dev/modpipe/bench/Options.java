package dev.modpipe.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The benchmark's settings, from {@code --name value} arguments. Every load loop is bounded by
 * these in time (and in posts by the run logs' capacity), and the whole run by {@code --budget-minutes}.
 *
 * <pre>
 * --root DIR                 repository root (the services' jars are in its modules' target/); default .
 * --out DIR                  report, plot and results.json; default docs/benchmarks
 * --runs N                   repetitions of every measurement (medians are quoted); default 3
 * --warmup S / --measure S   per saturation run; default 3 / 8 (the measured window starts once
 *                            the in-flight bound is reached, at the latest after --max-warmup S, 15)
 * --latency-warmup S / --latency-seconds S   per fixed-rate run; default 2 / 10
 * --levels 0.25,0.5,0.8      fractions of saturation for the fixed-rate runs
 * --latency-mode single|batch   how the fixed-rate runs submit; default single
 * --in-flight N              posts in the system at most during saturation; default 2000
 * --batch N                  posts per HTTP batch; default 200
 * --single-concurrency N     requests in flight for single posts at saturation; default 32
 * --scale LIST               further configurations, classifiers x partitions; default 3x3,3x6
 * --scale-runs N             repetitions per further configuration; default 2
 * --stage-runs N             repetitions of the single-stage runs (classifier alone, review alone); default 2
 * --warm-up-seconds S        load before the first measurement (JIT); default 10
 * --warmup-rounds N          rounds of every mode, not counted, before the counted runs; default 1
 * --budget-minutes M         skip what no longer fits; default 14
 * --modes LIST               saturation modes to run (baseline,topic,http-batch,http-single)
 * --levels none              no fixed-rate runs
 * --profile true             record each service with Java Flight Recorder (logs/SERVICE.jfr)
 * --quick true               a short smoke run (1 repetition, short windows, no scaling)
 * </pre>
 */
final class Options {
    static final Set<String> KNOWN = new TreeSet<>(List.of(
            "root",
            "out",
            "logs",
            "runs",
            "warmup",
            "max-warmup",
            "measure",
            "latency-warmup",
            "latency-seconds",
            "levels",
            "latency-mode",
            "modes",
            "profile",
            "in-flight",
            "batch",
            "single-concurrency",
            "scale",
            "scale-runs",
            "stage-runs",
            "warm-up-seconds",
            "warmup-rounds",
            "budget-minutes",
            "seed",
            "quick"));
    Path root = Path.of(".");
    Path out = Path.of("docs/benchmarks");
    Path logDir;
    int runs = 3;
    double warmupSeconds = 3;
    double measureSeconds = 8;
    double maxWarmupSeconds = 15;
    double latencyWarmupSeconds = 2;
    double latencySeconds = 10;
    List<Double> levels = List.of(0.25, 0.5, 0.8);
    boolean latencyBatches = false;
    int maxInFlight = 2000;
    int batchSize = 200;
    int batchTickMillis = 20;
    int singleConcurrency = 32;
    List<int[]> scale = List.of(new int[] {3, 3}, new int[] {3, 6});
    int scaleRuns = 2;
    int stageRuns = 2;
    List<String> modes = PipelineBenchmark.MODES;
    boolean profile = false;
    double warmUpFloodSeconds = 10;
    int warmupRounds = 1;
    double warmupRoundSeconds = 4;
    double budgetMinutes = 14;
    int drainSeconds = 60;
    long seed = 20261122L;
    final Map<String, List<String>> jvmOptions = new LinkedHashMap<>();

    static Options parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + Arrays.toString(args));
            }
            given.put(args[i].substring(2), args[++i]);
        }
        Set<String> unknown = new TreeSet<>(given.keySet());
        unknown.removeAll(KNOWN);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + unknown + "; known: " + KNOWN);
        }
        Options o = new Options();
        if (Boolean.parseBoolean(given.getOrDefault("quick", "false"))) {
            o.runs = 1;
            o.warmupSeconds = 2;
            o.measureSeconds = 5;
            o.latencySeconds = 6;
            o.scale = List.of();
            o.stageRuns = 1;
            o.warmUpFloodSeconds = 5;
            o.warmupRounds = 0;
        }
        o.root = Path.of(given.getOrDefault("root", o.root.toString()))
                .toAbsolutePath()
                .normalize();
        o.out = o.root.resolve(given.getOrDefault("out", o.out.toString())).normalize();
        o.logDir = o.root.resolve(given.getOrDefault("logs", "deploy/bench/target/bench-logs"));
        o.runs = Integer.parseInt(given.getOrDefault("runs", String.valueOf(o.runs)));
        o.warmupSeconds = Double.parseDouble(given.getOrDefault("warmup", String.valueOf(o.warmupSeconds)));
        o.measureSeconds = Double.parseDouble(given.getOrDefault("measure", String.valueOf(o.measureSeconds)));
        o.maxWarmupSeconds = Double.parseDouble(given.getOrDefault("max-warmup", String.valueOf(o.maxWarmupSeconds)));
        o.latencyWarmupSeconds =
                Double.parseDouble(given.getOrDefault("latency-warmup", String.valueOf(o.latencyWarmupSeconds)));
        o.latencySeconds = Double.parseDouble(given.getOrDefault("latency-seconds", String.valueOf(o.latencySeconds)));
        if (given.containsKey("modes")) {
            o.modes = List.of(given.get("modes").split(","));
        }
        o.profile = Boolean.parseBoolean(given.getOrDefault("profile", "false"));
        if ("none".equals(given.get("levels"))) {
            o.levels = List.of();
        } else if (given.containsKey("levels")) {
            o.levels = Arrays.stream(given.get("levels").split(","))
                    .map(String::trim)
                    .map(Double::parseDouble)
                    .toList();
        }
        o.latencyBatches = given.getOrDefault("latency-mode", "single").equals("batch");
        o.maxInFlight = Integer.parseInt(given.getOrDefault("in-flight", String.valueOf(o.maxInFlight)));
        o.batchSize = Integer.parseInt(given.getOrDefault("batch", String.valueOf(o.batchSize)));
        o.singleConcurrency =
                Integer.parseInt(given.getOrDefault("single-concurrency", String.valueOf(o.singleConcurrency)));
        if (given.containsKey("scale")) {
            o.scale = parseScale(given.get("scale"));
        }
        o.scaleRuns = Integer.parseInt(given.getOrDefault("scale-runs", String.valueOf(o.scaleRuns)));
        o.stageRuns = Integer.parseInt(given.getOrDefault("stage-runs", String.valueOf(o.stageRuns)));
        o.warmUpFloodSeconds =
                Double.parseDouble(given.getOrDefault("warm-up-seconds", String.valueOf(o.warmUpFloodSeconds)));
        o.warmupRounds = Integer.parseInt(given.getOrDefault("warmup-rounds", String.valueOf(o.warmupRounds)));
        o.budgetMinutes = Double.parseDouble(given.getOrDefault("budget-minutes", String.valueOf(o.budgetMinutes)));
        o.seed = Long.parseLong(given.getOrDefault("seed", String.valueOf(o.seed)));
        o.jvmOptions.putAll(productionLikeJvmOptions());
        if (o.profile) {
            o.jvmOptions.replaceAll((service, options) -> {
                List<String> withJfr = new ArrayList<>(options);
                withJfr.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                        + o.logDir.resolve(service + "-" + System.nanoTime() + ".jfr"));
                return List.copyOf(withJfr);
            });
        }
        return o;
    }

    static List<int[]> parseScale(String text) {
        List<int[]> scale = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] cp = part.trim().split("x");
            scale.add(new int[] {Integer.parseInt(cp[0]), Integer.parseInt(cp[1])});
        }
        return List.copyOf(scale);
    }

    /**
     * The services' JVM options for the benchmark: what the container images run with (heap 75 % of
     * the Kubernetes memory limits: 768 Mi for ingest and review, 1 Gi for the classifier), the
     * JVM's default collector and full JIT, unlike the end-to-end tests' quick-start options. The
     * dev platform's rate limit is raised out of the way, as ingest's own load generator does.
     */
    static Map<String, List<String>> productionLikeJvmOptions() {
        Map<String, List<String>> options = new LinkedHashMap<>();
        options.put(
                "ingest-service",
                List.of(
                        "-Xmx576m",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-Dingest.platforms.demo.posts-per-second=1000000",
                        "-Dingest.platforms.demo.burst=1000000"));
        options.put("classifier-service", List.of("-Xmx768m", "-XX:+ExitOnOutOfMemoryError"));
        options.put("review-service", List.of("-Xmx576m", "-XX:+ExitOnOutOfMemoryError"));
        return options;
    }
}
