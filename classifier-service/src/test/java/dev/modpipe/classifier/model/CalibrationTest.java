package dev.modpipe.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void twoModelsThatAgreeGiveTheirCommonProbability() {
        for (double p : new double[] {0.01, 0.3, 0.5, 0.8, 0.99}) {
            assertThat(Calibration.IDENTITY.apply(p, p)).isCloseTo(p, within(1e-9));
        }
    }

    @Test
    void theBlendLiesBetweenTheModelsAndNearerTheMaxentOne() {
        double blended = Calibration.IDENTITY.apply(0.9, 0.2);

        assertThat(blended).isBetween(0.2, 0.9);
        assertThat(Math.abs(blended - 0.9)).isLessThan(Math.abs(blended - 0.2));
        assertThat(Calibration.IDENTITY.apply(0.9, 0.3)).isGreaterThan(blended);
        assertThat(Calibration.IDENTITY.apply(0.95, 0.2)).isGreaterThan(blended);
    }

    @Test
    void eachModelIsScaledBeforeTheBlendAndTheBlendAfter() {
        Platt sharpen = new Platt(2.0, 0.0);
        Calibration c = new Calibration(sharpen, Platt.IDENTITY, new Platt(1.0, 1.0));

        double z = Calibration.MAXENT_WEIGHT * Platt.logit(sharpen.apply(0.7))
                + (1 - Calibration.MAXENT_WEIGHT) * Platt.logit(0.4)
                + 1.0;
        assertThat(c.apply(0.7, 0.4)).isCloseTo(1 / (1 + Math.exp(-z)), within(1e-9));
    }

    @Test
    void riskDistributionsMixLinearlyAndStayDistributions() {
        double[] a = {0.1, 0.2, 0.3, 0.4};
        double[] b = {0.7, 0.1, 0.1, 0.1};
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Calibration.mix(a[i], b[i]);
        }
        assertThat(sum).isCloseTo(1.0, within(1e-12));
        assertThat(Calibration.mix(0.4, 0.1)).isCloseTo(0.31, within(1e-12));
    }
}
