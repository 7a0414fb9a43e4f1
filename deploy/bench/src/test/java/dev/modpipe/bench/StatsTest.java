package dev.modpipe.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void shouldTakePercentilesInMillisecondsFromNanosecondSamples() {
        Histogram histogram = Stats.newHistogram();
        for (int ms = 1; ms <= 1000; ms++) {
            Stats.record(histogram, TimeUnit.MILLISECONDS.toNanos(ms));
        }

        Stats.Percentiles p = Stats.percentiles(histogram);

        assertThat(p.count()).isEqualTo(1000);
        assertThat(p.p50()).isCloseTo(500, within(1.0));
        assertThat(p.p99()).isCloseTo(990, within(1.0));
        assertThat(p.p999()).isCloseTo(999, within(1.0));
        assertThat(p.max()).isCloseTo(1000, within(1.0));
    }

    @Test
    void shouldCountANegativeLatencyAsZeroAndAnEmptyHistogramAsNothing() {
        Histogram histogram = Stats.newHistogram();
        Stats.record(histogram, -5_000_000);

        assertThat(Stats.percentiles(histogram).max()).isZero();
        assertThat(Stats.percentiles(Stats.newHistogram())).isEqualTo(Stats.Percentiles.EMPTY);
    }

    @Test
    void shouldTakeMediansOfOddAndEvenCountsIgnoringMissingValues() {
        assertThat(Stats.median(3, 1, 2)).isEqualTo(2);
        assertThat(Stats.median(4, 1, 3, 2)).isEqualTo(2.5);
        assertThat(Stats.median(5, Double.NaN, 1)).isEqualTo(3);
        assertThat(Stats.median()).isNaN();
        assertThat(Stats.median(List.of(7.0))).isEqualTo(7);
    }

    @Test
    void shouldMergeRunsIntoOneDistribution() {
        Histogram a = Stats.newHistogram();
        Histogram b = Stats.newHistogram();
        Stats.record(a, 1_000_000);
        Stats.record(b, 3_000_000);

        Histogram merged = Stats.merge(List.of(a, b));

        assertThat(merged.getTotalCount()).isEqualTo(2);
        assertThat(Stats.percentiles(merged).max()).isCloseTo(3, within(0.01));
    }

    @Test
    void shouldConvertTheAuditLogsWallClockToTheMonotonicClock() {
        TimeBase base = new TimeBase(1_000_000_000L, 1_700_000_000_000_000_000L);

        assertThat(base.nanoOfEpochMilli(1_700_000_000_250L)).isEqualTo(1_250_000_000L);
        assertThat(base.instantOf(1_250_000_000L).toEpochMilli()).isEqualTo(1_700_000_000_250L);
    }

    @Test
    void shouldSumTheHeapPoolsOfAPrometheusExposition() {
        String metrics = "# HELP jvm_memory_used_bytes x\n"
                + "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Eden Space\"} 1.0E7\n"
                + "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Old Gen\"} 2.5E7\n"
                + "jvm_memory_used_bytes{area=\"nonheap\",id=\"Metaspace\"} 9.0E7\n";

        assertThat(ProcessSampler.heapUsed(metrics)).isEqualTo(35_000_000L);
        assertThat(ProcessSampler.heapUsed("up 1\n")).isEqualTo(-1);
    }
}
