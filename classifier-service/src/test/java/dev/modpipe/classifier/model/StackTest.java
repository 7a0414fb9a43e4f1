package dev.modpipe.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.modpipe.classifier.model.Neighbours.Neighbourhood;
import dev.modpipe.model.Category;
import java.util.Arrays;
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

        Stack stack = Stack.fit(main, maxent, bayes, C, nothingNear(n), positive);

        assertThat(stack.main()).isCloseTo(1.0, within(0.1));
        assertThat(stack.maxent()).isCloseTo(1.0, within(0.1));
        assertThat(Math.abs(stack.bayes())).isLessThan(0.05);
        assertThat(stack.apply(0.85, 0.5, 0.5, C, Neighbourhood.NOTHING_NEAR)).isCloseTo(0.85, within(0.02));
        assertThat(stack.apply(0.5, 0.15, 0.5, C, Neighbourhood.NOTHING_NEAR)).isCloseTo(0.15, within(0.02));
        assertThat(stack.apply(0.5, 0.5, 0.5, C, Neighbourhood.NOTHING_NEAR)).isCloseTo(0.5, within(0.03));
    }

    @Test
    void identityLeavesTheMainScoreAsItIs() {
        assertThat(Stack.IDENTITY.apply(0.73, 0.01, 0.99, C, near(0.9, 0.1, 0.8)))
                .isCloseTo(0.73, within(1e-9));
    }

    @Test
    void shouldKeepIdentityWithoutBothClassesAndBeDeterministic() {
        double[] p = {0.2, 0.7, 0.4, 0.9};
        assertThat(Stack.fit(p, p, p, C, nothingNear(4), new boolean[] {false, false, false, false}))
                .isEqualTo(Stack.IDENTITY);
        boolean[] positive = {false, true, false, true};
        double[] q = {0.6, 0.3, 0.5, 0.8};
        assertThat(Stack.fit(p, q, p, C, nothingNear(4), positive))
                .isEqualTo(Stack.fit(p, q, p, C, nothingNear(4), positive));
    }

    @Test
    void clipsNaiveBayesCertaintyInsteadOfLettingItDecideAlone() {
        Stack stack = new Stack(0.0, 1.0, 0.0, 0.1, 0.0, 0.0, 0.0);
        // logit clipped at about 13.8: 0.1 of it moves the score, it does not overturn it
        assertThat(stack.apply(0.2, 0.5, 1.0, C, Neighbourhood.NOTHING_NEAR)).isLessThan(0.5);
        assertThat(stack.apply(0.2, 0.5, 1e-300, C, Neighbourhood.NOTHING_NEAR)).isGreaterThan(0.04);
    }

    @Test
    void shouldLearnFromTheNearestPostsWhenTheyKnowWhatTheModelsDoNot() {
        // the models say 0.5 for every post; the posts whose nearest posts are mostly in the
        // category are positives, the others negatives; the hard-negative share is noise
        Random random = new Random(11);
        int n = 10_000;
        double[] half = new double[n];
        Arrays.fill(half, 0.5);
        Neighbourhood[] near = new Neighbourhood[n];
        boolean[] positive = new boolean[n];
        for (int i = 0; i < n; i++) {
            boolean inCategory = random.nextBoolean();
            near[i] = near(inCategory ? 0.8 : 0.1, random.nextDouble(), 0.5);
            positive[i] = random.nextDouble() < (inCategory ? 0.9 : 0.1);
        }

        Stack stack = Stack.fit(half, half, half, C, near, positive);

        assertThat(stack.apply(0.5, 0.5, 0.5, C, near(0.8, 0.5, 0.5))).isCloseTo(0.9, within(0.02));
        assertThat(stack.apply(0.5, 0.5, 0.5, C, near(0.1, 0.5, 0.5))).isCloseTo(0.1, within(0.02));
        assertThat(Math.abs(stack.hardNegatives())).isLessThan(0.2);
    }

    @Test
    void upperBoundsHoldWhateverTheSurfaceModelsAndTheNearestPostsSay() {
        Random random = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            // weights of either sign, as fits give them (round 22: close is negative for HARMFUL)
            Stack stack = new Stack(
                    random.nextGaussian() * 2,
                    random.nextDouble(),
                    random.nextGaussian() * 0.2,
                    random.nextGaussian() * 0.2,
                    random.nextGaussian() * 5,
                    random.nextGaussian(),
                    random.nextGaussian() * 5);
            double main = random.nextDouble();
            double bound = stack.upperBound(main);
            for (int i = 0; i < 200; i++) {
                // the extremes too: a clipped logit, a share of 0 or 1
                double surfaceMaxent = i % 3 == 0 ? (i % 2) : random.nextDouble();
                double surfaceBayes = i % 5 == 0 ? 1 - (i % 2) : random.nextDouble();
                Neighbourhood n = near(
                        i % 4 == 0 ? 1 : random.nextDouble(),
                        i % 7 == 0 ? 1 - (i % 2) : random.nextDouble(),
                        i % 6 == 0 ? 1 : random.nextDouble());
                double score = stack.apply(main, surfaceMaxent, surfaceBayes, C, n);
                assertThat(score).isLessThanOrEqualTo(bound);
                assertThat(score).isLessThanOrEqualTo(stack.upperBound(main, surfaceMaxent, surfaceBayes));
            }
        }
    }

    @Test
    void upperBoundIsReachedByTheNeighbourhoodThatPullsHardest() {
        Stack stack = new Stack(-1.0, 0.5, 0.1, 0.05, 3.0, -0.5, 1.0);
        // share 1, nearest 1, no hard negatives: the most the nearest posts can add; surface
        // models at their clipped certainty
        double best = stack.apply(0.3, 1.0, 1.0, C, near(1.0, 0.0, 1.0));
        assertThat(stack.upperBound(0.3)).isCloseTo(best, within(1e-8));
        assertThat(stack.upperBound(0.3, 0.2, 0.4))
                .isCloseTo(stack.apply(0.3, 0.2, 0.4, C, near(1.0, 0.0, 1.0)), within(1e-8));
    }

    private static final Category C = Category.HARMFUL;

    /** A neighbourhood with {@code share} of the nearest posts in {@link #C}, the rest NONE. */
    private static Neighbourhood near(double share, double hardNegatives, double nearest) {
        double[] shares = new double[Category.values().length];
        shares[C.ordinal()] = share;
        return new Neighbourhood(shares, hardNegatives, nearest);
    }

    private static Neighbourhood[] nothingNear(int n) {
        Neighbourhood[] near = new Neighbourhood[n];
        Arrays.fill(near, Neighbourhood.NOTHING_NEAR);
        return near;
    }
}
