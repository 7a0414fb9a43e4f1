package dev.modpipe.classifier.model;

/**
 * A small logistic regression fitted by Newton's method on Platt's smoothed targets, shared by
 * {@link Platt} (one input) and {@link Stack} (three): with a light ridge on every weight and the
 * step halved until the loss does not rise. Deterministic.
 */
final class Logistic {
    private static final int ITERATIONS = 100;
    private static final double RIDGE = 1e-3;

    private Logistic() {}

    /**
     * Platt's targets: {@code (positives + 1) / (positives + 2)} for a positive and {@code 1 /
     * (negatives + 2)} for a negative, so that a few extreme inputs cannot push the weights to
     * infinity; {@code null} when all the labels are the same (nothing to fit).
     */
    static double[] targets(boolean[] positive) {
        int pos = 0;
        for (boolean p : positive) {
            if (p) {
                pos++;
            }
        }
        int neg = positive.length - pos;
        if (pos == 0 || neg == 0) {
            return null;
        }
        double hi = (pos + 1.0) / (pos + 2.0);
        double lo = 1.0 / (neg + 2.0);
        double[] t = new double[positive.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = positive[i] ? hi : lo;
        }
        return t;
    }

    /** The weights (one per column of {@code x}) minimising the log loss against {@code t}, from {@code start}. */
    static double[] fit(double[][] x, double[] t, double[] start) {
        int k = start.length;
        double[] w = start.clone();
        double loss = loss(x, t, w);
        for (int iter = 0; iter < ITERATIONS; iter++) {
            double[] gradient = new double[k];
            double[][] hessian = new double[k][k];
            for (int i = 0; i < x.length; i++) {
                double p = sigmoid(dot(w, x[i]));
                double d = p - t[i];
                double h = Math.max(p * (1 - p), 1e-12);
                for (int a = 0; a < k; a++) {
                    gradient[a] += d * x[i][a];
                    for (int b = 0; b < k; b++) {
                        hessian[a][b] += h * x[i][a] * x[i][b];
                    }
                }
            }
            for (int a = 0; a < k; a++) {
                hessian[a][a] += RIDGE;
            }
            double[] step = solve(hessian, gradient);
            if (step == null) {
                break;
            }
            double scale = 1.0;
            double[] next = new double[k];
            double nextLoss;
            do {
                for (int a = 0; a < k; a++) {
                    next[a] = w[a] - scale * step[a];
                }
                nextLoss = loss(x, t, next);
                scale /= 2;
            } while (nextLoss > loss + 1e-12 && scale > 1e-6);
            boolean converged = Math.abs(loss - nextLoss) < 1e-10;
            w = next;
            loss = nextLoss;
            if (converged) {
                break;
            }
        }
        return w;
    }

    static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    static double dot(double[] w, double[] x) {
        double z = 0;
        for (int a = 0; a < w.length; a++) {
            z += w[a] * x[a];
        }
        return z;
    }

    private static double loss(double[][] x, double[] t, double[] w) {
        double l = 0;
        for (int i = 0; i < x.length; i++) {
            double z = dot(w, x[i]);
            // log(1 + exp(z)) - t * z, computed stably
            double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
            l += softplus - t[i] * z;
        }
        return l;
    }

    /** Solves {@code a · s = b} by Gaussian elimination with partial pivoting; null when singular. */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int r = 0; r < n; r++) {
            System.arraycopy(a[r], 0, m[r], 0, n);
            m[r][n] = b[r];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][c]) < 1e-12) {
                return null;
            }
            double[] swap = m[c];
            m[c] = m[pivot];
            m[pivot] = swap;
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = m[r][c] / m[c][c];
                    for (int j = c; j <= n; j++) {
                        m[r][j] -= f * m[c][j];
                    }
                }
            }
        }
        double[] s = new double[n];
        for (int r = 0; r < n; r++) {
            s[r] = m[r][n] / m[r][r];
        }
        return s;
    }
}
