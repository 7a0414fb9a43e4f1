package dev.modpipe.bench;

import dev.modpipe.model.RiskLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything a benchmark run measured, as plain records (written to {@code results.json} and read by
 * the report). Times in milliseconds, memory in bytes, CPU in seconds or cores.
 */
public final class Results {
    /** The machine and how busy it was. */
    public record Conditions(
            String startedAt,
            String finishedAt,
            int cores,
            String cpu,
            long memoryBytes,
            String java,
            String os,
            String loadBefore,
            String loadAfter,
            double minutes) {}

    /** How the run was set up. */
    public record Settings(
            int runs,
            double warmupSeconds,
            double measureSeconds,
            double latencySeconds,
            int maxInFlight,
            int batchSize,
            List<Double> levels,
            Map<PostKind, Double> mix,
            Map<String, List<String>> jvmOptions) {}

    /** What one process used during a run. */
    public record ProcessUse(double cpuSeconds, double cpuMsPerPost, long peakRss, long peakHeap) {}

    /**
     * One saturation run.
     *
     * @param mode {@code baseline}, {@code topic}, {@code http-batch}, {@code http-single} or a single stage
     * @param missing posts accepted but never seen coming out, after the pipeline caught up
     * @param machineBusyCores the whole machine's busy CPU during the run, in cores
     * @param othersBusyCores of which processes outside the benchmark (other work on the machine)
     * @param stageRates posts per second through each stage in the measured window (accepted,
     *     classified, committed by review-service; relayed for the baseline)
     */
    public record ThroughputRun(
            String config,
            int classifiers,
            int partitions,
            String mode,
            int rep,
            double postsPerSecond,
            double submittedPerSecond,
            long completed,
            double seconds,
            int failed,
            int missing,
            double machineBusyCores,
            double othersBusyCores,
            double load1,
            Map<String, Double> stageRates,
            Map<String, ProcessUse> processes) {}

    /** One fixed-rate run: latency of each stage, in milliseconds. */
    public record LatencyRun(
            double fraction,
            double rate,
            int rep,
            String mode,
            int posts,
            int accepted,
            int failed,
            int classified,
            int flagged,
            int queued,
            int crises,
            int imminent,
            int notified,
            double behindMillis,
            double load1,
            Map<String, Stats.Percentiles> stages) {}

    /** A process's memory when idle (after start) and at its peak under saturation. */
    public record Memory(String process, long idleRss, long idleHeap, long peakRss, long peakHeap) {}

    /** How the classifier judged the posts written as one kind (all latency runs). */
    public record VerdictRow(PostKind kind, int posts, int verdicts, int flagged, Map<RiskLevel, Integer> risk) {}

    /** A latency distribution for the plot: (percentile, milliseconds) points. */
    public record Curve(String stage, double fraction, List<double[]> points) {}

    /** The whole run. */
    public record Run(
            Conditions conditions,
            Settings settings,
            List<ThroughputRun> throughput,
            List<LatencyRun> latency,
            Map<String, Stats.Percentiles> pooledLatency,
            List<Memory> memory,
            List<VerdictRow> verdicts,
            List<Curve> curves,
            Map<String, Double> serverSide,
            List<String> notes) {}

    final List<ThroughputRun> throughput = new ArrayList<>();
    final List<LatencyRun> latency = new ArrayList<>();
    final List<Memory> memory = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
}
