package dev.modpipe.classifier.corpus;

import dev.modpipe.classifier.engine.Classification;
import dev.modpipe.model.Category;
import dev.modpipe.model.RiskLevel;
import java.util.List;
import java.util.Locale;

/**
 * The measurement of the engine on labelled posts.
 *
 * <ul>
 *   <li><b>Categories</b>: each post's predicted label is {@link Classification#primaryLabel()}
 *       (SELF_HARM when flagged with risk MODERATE or more, else the highest-scoring flag, else
 *       NONE); precision, recall and F1 per label, and a confusion matrix. <b>Macro-F1</b> is the
 *       mean F1 of HARMFUL, MISINFORMATION and SELF_HARM (NONE left out, which makes it the
 *       stricter figure); the mean over all four labels is shown too.
 *   <li><b>Risk</b>: a confusion matrix of true and predicted risk over every post.
 *   <li><b>HIGH+IMMINENT recall</b>: of the posts labelled HIGH or IMMINENT, the share flagged
 *       SELF_HARM with a predicted risk of HIGH or IMMINENT.
 *   <li><b>Hard-negative false positives</b>: of the posts marked {@code hardNegative}, the share
 *       with any flag at all.
 *   <li><b>False pages</b>: posts whose true risk is below HIGH but which are rated IMMINENT, per
 *       1,000 such posts. IMMINENT opens a crisis alert that wakes on-call staff; the targets above
 *       count a false IMMINENT like any other flag, so this figure watches it on its own.
 * </ul>
 *
 * <p>The shares that decide the targets are printed with a 95% Wilson score interval: on a blind
 * set of 110 hard negatives, 6 flagged (5.5%) is compatible with anything from 2.5% to 11.4%, so a
 * difference of a post or two between two models is not a finding.
 */
public final class Evaluation {
    public static final List<String> LABELS = List.of("HARMFUL", "MISINFORMATION", "SELF_HARM", "NONE");
    public static final double TARGET_MACRO_F1 = 0.85;
    public static final double TARGET_HIGH_RECALL = 0.95;
    public static final double TARGET_HARD_NEGATIVE_FPR = 0.05;

    private final int[][] confusion = new int[LABELS.size()][LABELS.size()];
    private final int[][] riskConfusion = new int[RiskLevel.values().length][RiskLevel.values().length];
    private int highTotal;
    private int highRecalled;
    private int hardNegatives;
    private int hardNegativesFlagged;
    private int negatives;
    private int negativesFlagged;
    private int degraded;
    private int total;
    private int belowHigh;
    private int falsePages;

    public synchronized void add(LabelledPost post, Classification result) {
        total++;
        confusion[LABELS.indexOf(post.label())][LABELS.indexOf(result.primaryLabel())]++;
        riskConfusion[post.risk().ordinal()][result.selfHarmRisk().ordinal()]++;
        if (post.risk().atLeast(RiskLevel.HIGH)) {
            highTotal++;
            if (result.flags().contains(Category.SELF_HARM)
                    && result.selfHarmRisk().atLeast(RiskLevel.HIGH)) {
                highRecalled++;
            }
        }
        if (post.hardNegative()) {
            hardNegatives++;
            if (result.flagged()) {
                hardNegativesFlagged++;
            }
        }
        if (post.label().equals(LabelledPost.NONE)) {
            negatives++;
            if (result.flagged()) {
                negativesFlagged++;
            }
        }
        if (!post.risk().atLeast(RiskLevel.HIGH)) {
            belowHigh++;
            if (result.selfHarmRisk() == RiskLevel.IMMINENT) {
                falsePages++;
            }
        }
        if (result.degraded()) {
            degraded++;
        }
    }

    /** Adds the counts of another evaluation (cross-validation folds). */
    public synchronized void addAll(Evaluation other) {
        synchronized (other) {
            for (int i = 0; i < confusion.length; i++) {
                for (int j = 0; j < confusion[i].length; j++) {
                    confusion[i][j] += other.confusion[i][j];
                }
            }
            for (int i = 0; i < riskConfusion.length; i++) {
                for (int j = 0; j < riskConfusion[i].length; j++) {
                    riskConfusion[i][j] += other.riskConfusion[i][j];
                }
            }
            highTotal += other.highTotal;
            highRecalled += other.highRecalled;
            hardNegatives += other.hardNegatives;
            hardNegativesFlagged += other.hardNegativesFlagged;
            negatives += other.negatives;
            negativesFlagged += other.negativesFlagged;
            degraded += other.degraded;
            total += other.total;
            belowHigh += other.belowHigh;
            falsePages += other.falsePages;
        }
    }

    public int total() {
        return total;
    }

    public double precision(String label) {
        int i = LABELS.indexOf(label);
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[i];
        }
        return predicted == 0 ? 0 : (double) confusion[i][i] / predicted;
    }

    public double recall(String label) {
        int i = LABELS.indexOf(label);
        int actual = 0;
        for (int v : confusion[i]) {
            actual += v;
        }
        return actual == 0 ? 0 : (double) confusion[i][i] / actual;
    }

    public double f1(String label) {
        double p = precision(label);
        double r = recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Mean F1 of HARMFUL, MISINFORMATION and SELF_HARM. */
    public double macroF1() {
        return (f1("HARMFUL") + f1("MISINFORMATION") + f1("SELF_HARM")) / 3;
    }

    /** Mean F1 of all four labels, NONE included. */
    public double macroF1WithNone() {
        return (f1("HARMFUL") + f1("MISINFORMATION") + f1("SELF_HARM") + f1("NONE")) / 4;
    }

    public double highRiskRecall() {
        return highTotal == 0 ? 1.0 : (double) highRecalled / highTotal;
    }

    public double hardNegativeFalsePositiveRate() {
        return hardNegatives == 0 ? 0.0 : (double) hardNegativesFlagged / hardNegatives;
    }

    /** Posts below HIGH risk rated IMMINENT (each would page on-call staff), per 1,000 such posts. */
    public double falsePagesPerThousand() {
        return belowHigh == 0 ? 0.0 : 1000.0 * falsePages / belowHigh;
    }

    public int falsePages() {
        return falsePages;
    }

    /** The share of IMMINENT posts rated IMMINENT: the crises that page on-call staff at once. */
    public double imminentPaged() {
        int imminent = imminentPosts();
        return imminent == 0 ? 1.0 : (double) imminentRatedImminent() / imminent;
    }

    private int imminentPosts() {
        int imminent = 0;
        for (int v : riskConfusion[RiskLevel.IMMINENT.ordinal()]) {
            imminent += v;
        }
        return imminent;
    }

    private int imminentRatedImminent() {
        return riskConfusion[RiskLevel.IMMINENT.ordinal()][RiskLevel.IMMINENT.ordinal()];
    }

    /** Hard negatives with any flag (the numerator of {@link #hardNegativeFalsePositiveRate()}). */
    public int hardNegativesFlagged() {
        return hardNegativesFlagged;
    }

    public boolean meetsTargets() {
        return macroF1() >= TARGET_MACRO_F1
                && highRiskRecall() >= TARGET_HIGH_RECALL
                && hardNegativeFalsePositiveRate() <= TARGET_HARD_NEGATIVE_FPR;
    }

    public String format() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "posts: %d (degraded: %d)%n%n", total, degraded));
        b.append(String.format(
                Locale.ROOT, "%-16s %9s %9s %9s %8s%n", "category", "precision", "recall", "F1", "support"));
        for (String label : LABELS) {
            int support = 0;
            for (int v : confusion[LABELS.indexOf(label)]) {
                support += v;
            }
            b.append(String.format(
                    Locale.ROOT,
                    "%-16s %9.3f %9.3f %9.3f %8d%n",
                    label,
                    precision(label),
                    recall(label),
                    f1(label),
                    support));
        }
        b.append(String.format(
                Locale.ROOT,
                "macro-F1 (HARMFUL, MISINFORMATION, SELF_HARM): %.3f   (all four labels: %.3f)%n%n",
                macroF1(),
                macroF1WithNone()));
        b.append("confusion matrix (rows: true label, columns: predicted)\n");
        b.append(String.format(Locale.ROOT, "%-16s", ""));
        for (String label : LABELS) {
            b.append(String.format(Locale.ROOT, "%15s", label));
        }
        b.append('\n');
        for (int i = 0; i < LABELS.size(); i++) {
            b.append(String.format(Locale.ROOT, "%-16s", LABELS.get(i)));
            for (int j = 0; j < LABELS.size(); j++) {
                b.append(String.format(Locale.ROOT, "%15d", confusion[i][j]));
            }
            b.append('\n');
        }
        b.append("\nrisk confusion matrix (rows: true risk, columns: predicted)\n");
        b.append(String.format(Locale.ROOT, "%-10s", ""));
        for (RiskLevel r : RiskLevel.values()) {
            b.append(String.format(Locale.ROOT, "%10s", r));
        }
        b.append('\n');
        for (RiskLevel t : RiskLevel.values()) {
            b.append(String.format(Locale.ROOT, "%-10s", t));
            for (RiskLevel p : RiskLevel.values()) {
                b.append(String.format(Locale.ROOT, "%10d", riskConfusion[t.ordinal()][p.ordinal()]));
            }
            b.append('\n');
        }
        b.append(String.format(
                Locale.ROOT,
                "%nHIGH+IMMINENT recall (flagged SELF_HARM with predicted risk >= HIGH): %.3f (%d/%d)%s%n",
                highRiskRecall(),
                highRecalled,
                highTotal,
                interval(highRecalled, highTotal)));
        b.append(String.format(
                Locale.ROOT,
                "false-positive rate on hard negatives (any flag): %.3f (%d/%d)%s%n",
                hardNegativeFalsePositiveRate(),
                hardNegativesFlagged,
                hardNegatives,
                interval(hardNegativesFlagged, hardNegatives)));
        b.append(String.format(
                Locale.ROOT,
                "false-positive rate on all NONE posts (any flag): %.3f (%d/%d)%n",
                negatives == 0 ? 0.0 : (double) negativesFlagged / negatives,
                negativesFlagged,
                negatives));
        b.append(String.format(
                Locale.ROOT,
                "false pages (true risk below HIGH, rated IMMINENT): %.1f per 1,000 (%d/%d)%n",
                falsePagesPerThousand(),
                falsePages,
                belowHigh));
        b.append(String.format(
                Locale.ROOT,
                "IMMINENT posts rated IMMINENT (they page on-call staff): %.3f (%d/%d)%s%n",
                imminentPaged(),
                imminentRatedImminent(),
                imminentPosts(),
                interval(imminentRatedImminent(), imminentPosts())));
        b.append(String.format(
                Locale.ROOT,
                "targets (macro-F1 >= %.2f, HIGH+IMMINENT recall >= %.2f, hard-negative FP <= %.2f): %s%n",
                TARGET_MACRO_F1,
                TARGET_HIGH_RECALL,
                TARGET_HARD_NEGATIVE_FPR,
                meetsTargets() ? "met" : "NOT met"));
        return b.toString();
    }

    private static String interval(int k, int n) {
        if (n == 0) {
            return "";
        }
        double[] w = wilson(k, n);
        return String.format(Locale.ROOT, ", 95%% interval %.3f-%.3f", w[0], w[1]);
    }

    /**
     * The 95% Wilson score interval of a share of {@code k} in {@code n} ({@code n > 0}): unlike
     * the plain normal interval it stays inside [0, 1] and is honest near 0 and 1, where the
     * targets sit (recall 0.95, false positives 0.05).
     */
    public static double[] wilson(int k, int n) {
        if (n <= 0 || k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n and n > 0, got k=" + k + " n=" + n);
        }
        double z = 1.959964;
        double p = (double) k / n;
        double z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z * Math.sqrt(p * (1 - p) / n + z2n / (4.0 * n)) / (1 + z2n);
        return new double[] {Math.max(0.0, centre - half), Math.min(1.0, centre + half)};
    }
}
