package dev.modpipe.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureRowsTest {
    @Test
    void shouldFindEveryRowItWasGivenThroughGrowthAndNoneItWasNot() {
        FeatureRows rows = new FeatureRows();
        Map<Long, double[]> expected = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < 50_000; i++) {
            long key = random.nextLong();
            double[] row = {i};
            expected.put(key, new double[] {-1});
            rows.put(key, expected.get(key));
        }
        // a second time: each row replaced in place, no second entry for its key
        for (Map.Entry<Long, double[]> e : expected.entrySet()) {
            double[] row = {e.getKey() % 7};
            e.setValue(row);
            rows.put(e.getKey(), row);
        }

        assertThat(rows.size()).isEqualTo(expected.size());
        expected.forEach((key, row) -> assertThat(rows.get(key)).isSameAs(row));
        assertThat(rows.get(0L)).isNull();
        assertThat(rows.get(Long.MIN_VALUE)).isNull();
    }

    @Test
    void shouldTellApartKeysThatDifferInOneCharacter() {
        FeatureRows rows = new FeatureRows();
        double[] a = {1};
        double[] b = {2};
        rows.put(SurfaceFeatureGenerator.pack(" kms", 0), a);
        rows.put(SurfaceFeatureGenerator.pack(" kmt", 0), b);

        assertThat(rows.get(SurfaceFeatureGenerator.pack("x kms", 1))).isSameAs(a);
        assertThat(rows.get(SurfaceFeatureGenerator.pack(" kmt ", 0))).isSameAs(b);
        assertThat(rows.get(SurfaceFeatureGenerator.pack(" kmu", 0))).isNull();
    }

    @Test
    void shouldReplaceEveryRowByTheFunctionOfIt() {
        FeatureRows rows = new FeatureRows();
        for (long key = 1; key <= 3000; key++) {
            rows.put(key, new double[] {key});
        }

        rows.replaceAll(row -> new double[] {row[0], 0});

        assertThat(rows.size()).isEqualTo(3000);
        for (long key = 1; key <= 3000; key++) {
            assertThat(rows.get(key)).containsExactly(key, 0);
        }
    }
}
