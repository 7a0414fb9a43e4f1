package dev.modpipe.classifier.model;

/**
 * Platt scaling: {@code p = 1 / (1 + exp(-(a * logit(raw) + b)))}, fitted by Newton's method on
 * held-out (out-of-fold) predictions with Platt's smoothed targets, so that a calibrated score of
 * 0.5 means an even chance on data like the corpus.
 *
 * @param a slope on the logit of the raw probability
 * @param b intercept
 */
public record Platt(double a, double b) {
    public static final Platt IDENTITY = new Platt(1.0, 0.0);
    private static final double EPS = 1e-6;

    public double apply(double raw) {
        double z = a * logit(raw) + b;
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /** The largest magnitude {@link #logit} returns: the logit of {@code 1 - EPS}. */
    static final double MAX_LOGIT = Math.log((1 - EPS) / EPS);

    static double logit(double p) {
        double q = Math.min(1 - EPS, Math.max(EPS, p));
        return Math.log(q / (1 - q));
    }

    /** Fits on raw probabilities and their true labels. Deterministic. */
    public static Platt fit(double[] raw, boolean[] positive) {
        double[] t = Logistic.targets(positive);
        if (t == null) {
            return IDENTITY;
        }
        double[][] x = new double[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            x[i] = new double[] {logit(raw[i]), 1.0};
        }
        double[] w = Logistic.fit(x, t, new double[] {1.0, 0.0});
        return new Platt(w[0], w[1]);
    }
}
