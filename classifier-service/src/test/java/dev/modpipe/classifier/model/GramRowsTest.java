package dev.modpipe.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GramRowsTest {
    @Test
    void shouldFindEveryRowItWasGivenThroughGrowthAndNoneItWasNot() {
        GramRows rows = new GramRows();
        Map<Long, double[]> expected = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 50_000; i++) {
            long key = random.nextLong();
            double[] row = {i};
            expected.put(key, row);
            assertThat(rows.computeIfAbsent(key, k -> row)).isSameAs(row);
        }
        // a second time: the row made the first time, not a new one
        expected.forEach((key, row) ->
                assertThat(rows.computeIfAbsent(key, k -> new double[] {-1})).isSameAs(row));

        assertThat(rows.size()).isEqualTo(expected.size());
        expected.forEach((key, row) -> assertThat(rows.get(key)).isSameAs(row));
        assertThat(rows.get(0L)).isNull();
        assertThat(rows.get(Long.MIN_VALUE)).isNull();
    }

    @Test
    void shouldTellApartKeysThatDifferInOneCharacter() {
        GramRows rows = new GramRows();
        double[] a = {1};
        double[] b = {2};
        rows.computeIfAbsent(SurfaceFeatureGenerator.pack(" kms", 0), k -> a);
        rows.computeIfAbsent(SurfaceFeatureGenerator.pack(" kmt", 0), k -> b);

        assertThat(rows.get(SurfaceFeatureGenerator.pack("x kms", 1))).isSameAs(a);
        assertThat(rows.get(SurfaceFeatureGenerator.pack(" kmt ", 0))).isSameAs(b);
        assertThat(rows.get(SurfaceFeatureGenerator.pack(" kmu", 0))).isNull();
    }
}
