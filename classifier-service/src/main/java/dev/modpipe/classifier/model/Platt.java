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

    static double logit(double p) {
        double q = Math.min(1 - EPS, Math.max(EPS, p));
        return Math.log(q / (1 - q));
    }

    /** Fits on raw probabilities and their true labels. Deterministic. */
    public static Platt fit(double[] raw, boolean[] positive) {
        int n = raw.length;
        int pos = 0;
        for (boolean p : positive) {
            if (p) {
                pos++;
            }
        }
        int neg = n - pos;
        if (pos == 0 || neg == 0) {
            return IDENTITY;
        }
        double hi = (pos + 1.0) / (pos + 2.0);
        double lo = 1.0 / (neg + 2.0);
        double[] x = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = logit(raw[i]);
            t[i] = positive[i] ? hi : lo;
        }
        double a = 1.0;
        double b = 0.0;
        double lambda = 1e-3;
        double loss = loss(x, t, a, b);
        for (int iter = 0; iter < 100; iter++) {
            double ga = 0;
            double gb = 0;
            double haa = 0;
            double hab = 0;
            double hbb = 0;
            for (int i = 0; i < n; i++) {
                double p = 1.0 / (1.0 + Math.exp(-(a * x[i] + b)));
                double d = p - t[i];
                double w = Math.max(p * (1 - p), 1e-12);
                ga += d * x[i];
                gb += d;
                haa += w * x[i] * x[i];
                hab += w * x[i];
                hbb += w;
            }
            haa += lambda;
            hbb += lambda;
            double det = haa * hbb - hab * hab;
            if (Math.abs(det) < 1e-12) {
                break;
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            double step = 1.0;
            double newLoss;
            do {
                newLoss = loss(x, t, a - step * da, b - step * db);
                step /= 2;
            } while (newLoss > loss + 1e-12 && step > 1e-6);
            a -= 2 * step * da;
            b -= 2 * step * db;
            if (Math.abs(loss - newLoss) < 1e-10) {
                loss = newLoss;
                break;
            }
            loss = newLoss;
        }
        return new Platt(a, b);
    }

    private static double loss(double[] x, double[] t, double a, double b) {
        double l = 0;
        for (int i = 0; i < x.length; i++) {
            double z = a * x[i] + b;
            // log(1 + exp(z)) - t * z, computed stably
            double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
            l += softplus - t[i] * z;
        }
        return l;
    }
}
