package dev.modpipe.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Percentiles from HdrHistograms and medians over repeated runs. */
public final class Stats {
    /** Highest latency a histogram tracks: ten minutes, in microseconds. */
    public static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private Stats() {}

    /**
     * Latency percentiles in milliseconds; NaN when there were no samples.
     *
     * @param count how many samples
     */
    public record Percentiles(long count, double p50, double p90, double p99, double p999, double max) {
        public static final Percentiles EMPTY =
                new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** A histogram of latencies in microseconds, 3 significant digits, up to ten minutes. */
    public static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    /** Records a latency given in nanoseconds (negative values count as zero; above the range, as the range). */
    public static void record(Histogram histogram, long nanos) {
        long micros = Math.max(0, nanos) / 1000;
        histogram.recordValue(Math.min(micros, HIGHEST_MICROS));
    }

    public static Percentiles percentiles(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return Percentiles.EMPTY;
        }
        return new Percentiles(
                histogram.getTotalCount(),
                millis(histogram.getValueAtPercentile(50)),
                millis(histogram.getValueAtPercentile(90)),
                millis(histogram.getValueAtPercentile(99)),
                millis(histogram.getValueAtPercentile(99.9)),
                millis(histogram.getMaxValue()));
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }

    /** The median of the values, ignoring NaN; NaN when none is left. */
    public static double median(double... values) {
        double[] sorted =
                Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static double median(Collection<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** A histogram holding every sample of the given ones. */
    public static Histogram merge(Collection<Histogram> histograms) {
        Histogram merged = newHistogram();
        histograms.forEach(merged::add);
        return merged;
    }
}
