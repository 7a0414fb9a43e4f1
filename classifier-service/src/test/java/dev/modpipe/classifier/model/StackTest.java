package dev.modpipe.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StackTest {
    @Test
    void shouldWeighTheSurfaceModelThatCarriesSignalTheMainScoreMisses() {
        // half of the posts: the main score knows them and is calibrated (0.85 → 85% positive), the
        // surface maxent model says 0.5; the other half the other way round; the surface naive Bayes
        // model is noise
        Random random = new Random(7);
        int n = 20_000;
        double[] main = new double[n];
        double[] maxent = new double[n];
        double[] bayes = new double[n];
        boolean[] positive = new boolean[n];
        for (int i = 0; i < n; i++) {
            boolean high = random.nextBoolean();
            positive[i] = random.nextDouble() < (high ? 0.85 : 0.15);
            double signal = high ? 0.85 : 0.15;
            boolean mainKnows = i % 2 == 0;
            main[i] = mainKnows ? signal : 0.5;
            maxent[i] = mainKnows ? 0.5 : signal;
            bayes[i] = random.nextDouble();
        }

        Stack stack = Stack.fit(main, maxent, bayes, positive);

        assertThat(stack.main()).isCloseTo(1.0, within(0.1));
        assertThat(stack.maxent()).isCloseTo(1.0, within(0.1));
        assertThat(Math.abs(stack.bayes())).isLessThan(0.05);
        assertThat(stack.apply(0.85, 0.5, 0.5)).isCloseTo(0.85, within(0.02));
        assertThat(stack.apply(0.5, 0.15, 0.5)).isCloseTo(0.15, within(0.02));
        assertThat(stack.apply(0.5, 0.5, 0.5)).isCloseTo(0.5, within(0.03));
    }

    @Test
    void identityLeavesTheMainScoreAsItIs() {
        assertThat(Stack.IDENTITY.apply(0.73, 0.01, 0.99)).isCloseTo(0.73, within(1e-9));
    }

    @Test
    void shouldKeepIdentityWithoutBothClassesAndBeDeterministic() {
        double[] p = {0.2, 0.7, 0.4, 0.9};
        assertThat(Stack.fit(p, p, p, new boolean[] {false, false, false, false}))
                .isEqualTo(Stack.IDENTITY);
        boolean[] positive = {false, true, false, true};
        double[] q = {0.6, 0.3, 0.5, 0.8};
        assertThat(Stack.fit(p, q, p, positive)).isEqualTo(Stack.fit(p, q, p, positive));
    }

    @Test
    void clipsNaiveBayesCertaintyInsteadOfLettingItDecideAlone() {
        Stack stack = new Stack(0.0, 1.0, 0.0, 0.1);
        // logit clipped at about 13.8: 0.1 of it moves the score, it does not overturn it
        assertThat(stack.apply(0.2, 0.5, 1.0)).isLessThan(0.5);
        assertThat(stack.apply(0.2, 0.5, 1e-300)).isGreaterThan(0.04);
    }
}
