package dev.modpipe.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PlattTest {
    @Test
    void shouldTurnOverconfidentScoresIntoFrequencies() {
        // raw 0.9 is right only half of the time, raw 0.1 never
        double[] raw = new double[400];
        boolean[] positive = new boolean[400];
        for (int i = 0; i < 400; i++) {
            raw[i] = i < 200 ? 0.9 : 0.1;
            positive[i] = i < 100;
        }

        Platt platt = Platt.fit(raw, positive);

        assertThat(platt.apply(0.9)).isCloseTo(0.5, within(0.03));
        assertThat(platt.apply(0.1)).isLessThan(0.05);
    }

    @Test
    void shouldBeDeterministic() {
        double[] raw = {0.2, 0.4, 0.6, 0.8, 0.7, 0.3};
        boolean[] positive = {false, false, true, true, false, true};

        assertThat(Platt.fit(raw, positive)).isEqualTo(Platt.fit(raw, positive));
    }

    @Test
    void shouldKeepIdentityWithoutBothClasses() {
        assertThat(Platt.fit(new double[] {0.3, 0.6}, new boolean[] {true, true}))
                .isEqualTo(Platt.IDENTITY);
    }
}
