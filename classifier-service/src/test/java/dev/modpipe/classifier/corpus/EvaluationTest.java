package dev.modpipe.classifier.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EvaluationTest {
    @Test
    void shouldGiveTheWilsonIntervalOfAShare() {
        // 6 of a blind set's 110 hard negatives flagged, 68 of its 70 HIGH+IMMINENT posts recalled
        assertThat(Evaluation.wilson(6, 110)).containsExactly(new double[] {0.0252, 0.1139}, within(1e-4));
        assertThat(Evaluation.wilson(68, 70)).containsExactly(new double[] {0.9017, 0.9921}, within(1e-4));
        // a large sample narrows it: 398 of 4,442
        assertThat(Evaluation.wilson(398, 4442)).containsExactly(new double[] {0.0816, 0.0984}, within(1e-4));
    }

    @Test
    void shouldStayInsideZeroAndOneAtTheEnds() {
        assertThat(Evaluation.wilson(0, 10)).containsExactly(new double[] {0.0, 0.2775}, within(1e-4));
        assertThat(Evaluation.wilson(10, 10)).containsExactly(new double[] {0.7225, 1.0}, within(1e-4));
    }

    @Test
    void shouldRejectAShareOfNothing() {
        assertThatThrownBy(() -> Evaluation.wilson(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Evaluation.wilson(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
