package dev.modpipe.classifier.model;

import dev.modpipe.classifier.model.Neighbours.Neighbourhood;
import dev.modpipe.model.Category;

/**
 * The last step of a category's score: a logistic regression over the logits of the main pair's
 * calibrated score ({@link Calibration}) and of the two surface-view categorizers' raw
 * probabilities ({@link SurfaceFeatureGenerator}), and over what the post's nearest training posts
 * were ({@link Neighbours}): {@code p = 1 / (1 + exp(-(bias + main * logit(calibrated) + maxent *
 * logit(surfaceMaxent) + bayes * logit(surfaceBayes) + near * share + hardNegatives * hnShare +
 * close * share * nearest)))}. Fitted like {@link Platt} (Newton's method, Platt's smoothed
 * targets) on out-of-fold predictions, so 0.5 still means an even chance; logits are clipped as
 * Platt clips them, which bounds naive Bayes's near-certain outputs.
 *
 * @param bias intercept
 * @param main weight on the main pair's calibrated score
 * @param maxent weight on the surface maxent model
 * @param bayes weight on the surface naive Bayes model
 * @param near weight on the share of the nearest posts in the category
 * @param hardNegatives weight on the share of the nearest posts that are hard negatives
 * @param close weight on the category's share times the similarity of the nearest post
 */
public record Stack(
        double bias, double main, double maxent, double bayes, double near, double hardNegatives, double close) {
    /** The main pair's score unchanged (a target without a surface pair, such as the crisis target). */
    public static final Stack IDENTITY = new Stack(0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0);

    public double apply(
            double calibrated,
            double surfaceMaxent,
            double surfaceBayes,
            Category category,
            Neighbourhood neighbourhood) {
        return Logistic.sigmoid(
                Logistic.dot(weights(), inputs(calibrated, surfaceMaxent, surfaceBayes, category, neighbourhood)));
    }

    /**
     * A bound that {@link #apply} cannot exceed for this calibrated score, whatever the surface
     * models and the nearest posts turn out to be: their logits are clipped to {@link
     * Platt#MAX_LOGIT} and the neighbourhood's shares and similarity lie between 0 and 1. Lets a
     * caller that only needs to know whether a score reaches a bar skip the surface view and the
     * neighbour search.
     */
    public double upperBound(double calibrated) {
        return boundWith(calibrated, (Math.abs(maxent) + Math.abs(bayes)) * Platt.MAX_LOGIT);
    }

    /** As {@link #upperBound(double)}, with the surface models' probabilities known. */
    public double upperBound(double calibrated, double surfaceMaxent, double surfaceBayes) {
        return boundWith(calibrated, maxent * Platt.logit(surfaceMaxent) + bayes * Platt.logit(surfaceBayes));
    }

    /** The bound for a calibrated score and what the surface models add (or can add at most). */
    private double boundWith(double calibrated, double surface) {
        return Logistic.sigmoid(bias + main * Platt.logit(calibrated) + surface + neighbourhoodBound() + BOUND_MARGIN);
    }

    /** Covers the rounding of summing the same terms in another order than {@link #apply}. */
    private static final double BOUND_MARGIN = 1e-9;

    /**
     * The most the three neighbourhood inputs can add: {@code share * (near + close * nearest)}
     * is largest at a share of 0 or 1 and a similarity of 0 or 1; the hard-negative share adds its
     * weight when positive.
     */
    private double neighbourhoodBound() {
        return Math.max(0.0, Math.max(near, near + close)) + Math.max(0.0, hardNegatives);
    }

    /** The weights in the order of {@link #inputs}. */
    private double[] weights() {
        return new double[] {bias, main, maxent, bayes, near, hardNegatives, close};
    }

    /** What the weights multiply, the constant 1 of the bias first; fitting and applying share it. */
    private static double[] inputs(
            double calibrated, double surfaceMaxent, double surfaceBayes, Category category, Neighbourhood n) {
        double share = n.share(category);
        return new double[] {
            1.0,
            Platt.logit(calibrated),
            Platt.logit(surfaceMaxent),
            Platt.logit(surfaceBayes),
            share,
            n.hardNegatives(),
            share * n.nearest()
        };
    }

    /**
     * Fits the weights on out-of-fold predictions, the posts' out-of-fold neighbourhoods (from a
     * memory without their fold) and their true labels. Deterministic.
     */
    public static Stack fit(
            double[] calibrated,
            double[] surfaceMaxent,
            double[] surfaceBayes,
            Category category,
            Neighbourhood[] neighbourhoods,
            boolean[] positive) {
        double[] t = Logistic.targets(positive);
        if (t == null) {
            return IDENTITY;
        }
        double[][] x = new double[positive.length][];
        for (int i = 0; i < x.length; i++) {
            x[i] = inputs(calibrated[i], surfaceMaxent[i], surfaceBayes[i], category, neighbourhoods[i]);
        }
        double[] w = Logistic.fit(x, t, IDENTITY.weights());
        return new Stack(w[0], w[1], w[2], w[3], w[4], w[5], w[6]);
    }
}
