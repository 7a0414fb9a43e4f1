package dev.modpipe.classifier.training;

import java.util.Arrays;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.DataIndexer;

/**
 * An L2-regularised maximum-entropy (multinomial logistic) model fitted by L-BFGS until its
 * gradient vanishes, written as OpenNLP's {@link QNModel}, so that it is loaded, evaluated and
 * served exactly as the models of OpenNLP's own {@code MAXENT_QN} trainer are.
 *
 * <p>Why not that trainer: it stops as soon as one iteration lowers the objective by less than a
 * relative 10<sup>-4</sup> (a constant of OpenNLP's {@code QNMinimizer}). With a few hundred
 * thousand weights that is far from the minimum, and where it stops depends on the whole path the
 * optimiser took, which any change to the data (or to the order in which features are indexed)
 * reroutes. Measured on the SELF_HARM model of the full train split (round 25, module README): one
 * word appended to one training post moved dev's raw maxent probabilities by a median of 0.29 on
 * the logit scale and took 47 posts across 0.5 (0.17 and 22 with the iterations uncapped, where the
 * tolerance stops it); fitted here to a gradient norm of 1, the same edit moved them by a median of
 * 0.003 and none across 0.5. The objective is strictly convex (the L2 term), so the minimum is one
 * point whatever the path: a model now depends on its data, not on how it was reached.
 *
 * <p>The objective is OpenNLP's: the negative log-likelihood of the indexed events, each counted
 * as often as it was seen, plus {@code l2} times the squared norm of the weights (OpenNLP's
 * {@code L2Cost}); weights are laid out as OpenNLP's, outcome-major. L-BFGS keeps the last {@link
 * #MEMORY} steps (OpenNLP's default) and backtracks along each direction until the Armijo
 * condition holds. Single-threaded and without randomness: the same events give the same weights.
 */
final class Maxent {
    /** How many past steps the inverse-Hessian estimate keeps. */
    static final int MEMORY = 15;

    /** Armijo's sufficient-decrease constant. */
    private static final double ARMIJO = 1e-4;

    /** A step this short means the direction is spent: the fit stops where it is. */
    private static final double MIN_STEP = 1e-12;

    /**
     * A fitted model and how the fit ended.
     *
     * @param iterations L-BFGS iterations taken
     * @param gradientNorm the Euclidean norm of the objective's gradient at the weights returned
     * @param converged whether that norm reached the tolerance (otherwise the cap or a spent
     *     direction stopped the fit)
     */
    record Fit(QNModel model, int iterations, double gradientNorm, boolean converged) {}

    private final int[][] contexts;
    private final float[][] values;
    private final int[] outcomeOf;
    private final int[] seen;
    private final int features;
    private final int outcomes;
    private final double l2;

    Maxent(DataIndexer indexer, double l2) {
        this.contexts = indexer.getContexts();
        this.values = indexer.getValues();
        this.outcomeOf = indexer.getOutcomeList();
        this.seen = indexer.getNumTimesEventsSeen();
        this.features = indexer.getPredLabels().length;
        this.outcomes = indexer.getOutcomeLabels().length;
        this.l2 = l2;
    }

    /**
     * Fits the weights on {@code indexer}'s events until the gradient's norm is at most {@code
     * tolerance} or {@code maxIterations} iterations have run.
     */
    static Fit fit(DataIndexer indexer, double l2, double tolerance, int maxIterations) {
        Maxent objective = new Maxent(indexer, l2);
        int n = objective.features * objective.outcomes;
        double[] x = new double[n];
        double[] g = new double[n];
        double fx = objective.evaluate(x, g);
        double[] candidate = new double[n];
        double[] candidateGradient = new double[n];
        double[] direction = new double[n];
        History history = new History(n);
        double gradientNorm = norm(g);
        int iterations = 0;
        boolean spent = false;
        while (iterations < maxIterations && gradientNorm > tolerance && !spent) {
            history.direction(g, gradientNorm, direction);
            double slope = dot(g, direction);
            if (slope >= 0) {
                // the estimate has lost its way (rounding): start again from steepest descent
                history.clear();
                history.direction(g, gradientNorm, direction);
                slope = dot(g, direction);
            }
            double step = 1.0;
            double fc;
            while (true) {
                for (int i = 0; i < n; i++) {
                    candidate[i] = x[i] + step * direction[i];
                }
                fc = objective.evaluate(candidate, candidateGradient);
                if (fc <= fx + ARMIJO * step * slope) {
                    break;
                }
                step /= 2;
                if (step < MIN_STEP) {
                    spent = true;
                    break;
                }
            }
            if (spent) {
                break;
            }
            history.remember(x, candidate, g, candidateGradient);
            double[] swap = x;
            x = candidate;
            candidate = swap;
            swap = g;
            g = candidateGradient;
            candidateGradient = swap;
            fx = fc;
            gradientNorm = norm(g);
            iterations++;
        }
        return new Fit(objective.model(x, indexer), iterations, gradientNorm, gradientNorm <= tolerance);
    }

    /** The objective at {@code x}; its gradient is written into {@code gradient}. */
    double evaluate(double[] x, double[] gradient) {
        Arrays.fill(gradient, 0.0);
        double[] sums = new double[outcomes];
        double value = 0.0;
        for (int c = 0; c < contexts.length; c++) {
            int[] context = contexts[c];
            float[] featureValues = values == null ? null : values[c];
            double max = Double.NEGATIVE_INFINITY;
            for (int o = 0; o < outcomes; o++) {
                int base = o * features;
                double sum = 0.0;
                for (int a = 0; a < context.length; a++) {
                    sum += (featureValues == null ? 1.0 : featureValues[a]) * x[base + context[a]];
                }
                sums[o] = sum;
                max = Math.max(max, sum);
            }
            double z = 0.0;
            for (int o = 0; o < outcomes; o++) {
                z += Math.exp(sums[o] - max);
            }
            double logZ = max + Math.log(z);
            int times = seen[c];
            value += times * (logZ - sums[outcomeOf[c]]);
            for (int o = 0; o < outcomes; o++) {
                double coefficient = times * (Math.exp(sums[o] - logZ) - (o == outcomeOf[c] ? 1.0 : 0.0));
                int base = o * features;
                for (int a = 0; a < context.length; a++) {
                    gradient[base + context[a]] += coefficient * (featureValues == null ? 1.0 : featureValues[a]);
                }
            }
        }
        for (int i = 0; i < x.length; i++) {
            value += l2 * x[i] * x[i];
            gradient[i] += 2 * l2 * x[i];
        }
        return value;
    }

    /** The weights as OpenNLP's model: one context per feature, a weight for every outcome. */
    private QNModel model(double[] x, DataIndexer indexer) {
        int[] all = new int[outcomes];
        for (int o = 0; o < outcomes; o++) {
            all[o] = o;
        }
        Context[] parameters = new Context[features];
        for (int f = 0; f < features; f++) {
            double[] weights = new double[outcomes];
            for (int o = 0; o < outcomes; o++) {
                weights[o] = x[o * features + f];
            }
            parameters[f] = new Context(all, weights);
        }
        return new QNModel(parameters, indexer.getPredLabels(), indexer.getOutcomeLabels());
    }

    /** The last {@link #MEMORY} steps and gradient changes, and the direction they give. */
    private static final class History {
        private final double[][] steps = new double[MEMORY][];
        private final double[][] changes = new double[MEMORY][];
        private final double[] rho = new double[MEMORY];
        private final double[] alpha = new double[MEMORY];
        private final int n;
        private int stored;
        private int next;

        History(int n) {
            this.n = n;
        }

        void clear() {
            stored = 0;
        }

        /** L-BFGS's two-loop recursion: {@code direction = -H g}, H the inverse-Hessian estimate. */
        void direction(double[] g, double gradientNorm, double[] direction) {
            System.arraycopy(g, 0, direction, 0, n);
            if (stored == 0) {
                // a first step of length 1 along steepest descent
                scale(direction, -1.0 / gradientNorm);
                return;
            }
            for (int k = 0; k < stored; k++) {
                int j = slot(k);
                alpha[j] = rho[j] * dot(steps[j], direction);
                addScaled(-alpha[j], changes[j], direction);
            }
            int last = slot(0);
            scale(direction, dot(steps[last], changes[last]) / dot(changes[last], changes[last]));
            for (int k = stored - 1; k >= 0; k--) {
                int j = slot(k);
                double beta = rho[j] * dot(changes[j], direction);
                addScaled(alpha[j] - beta, steps[j], direction);
            }
            scale(direction, -1.0);
        }

        /** Keeps the step from {@code x} to {@code y} unless it lacks positive curvature. */
        void remember(double[] x, double[] y, double[] gx, double[] gy) {
            double[] step = steps[next] == null ? new double[n] : steps[next];
            double[] change = changes[next] == null ? new double[n] : changes[next];
            for (int i = 0; i < n; i++) {
                step[i] = y[i] - x[i];
                change[i] = gy[i] - gx[i];
            }
            double curvature = dot(step, change);
            if (curvature <= 0) {
                // not kept; the oldest step, whose arrays were just overwritten, is let go
                stored = Math.min(stored, MEMORY - 1);
                return;
            }
            steps[next] = step;
            changes[next] = change;
            rho[next] = 1.0 / curvature;
            next = (next + 1) % MEMORY;
            stored = Math.min(stored + 1, MEMORY);
        }

        /** The slot of the k-th most recent step. */
        private int slot(int k) {
            return Math.floorMod(next - 1 - k, MEMORY);
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void addScaled(double c, double[] a, double[] into) {
        for (int i = 0; i < a.length; i++) {
            into[i] += c * a[i];
        }
    }

    private static void scale(double[] a, double c) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= c;
        }
    }
}
