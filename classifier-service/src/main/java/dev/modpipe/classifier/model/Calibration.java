package dev.modpipe.classifier.model;

/**
 * How a category's two categorizers become one calibrated score: each one's probability is
 * Platt-scaled on its own out-of-fold predictions, the two are blended on the logit scale ({@link
 * #MAXENT_WEIGHT} to the maxent model, the rest to naive Bayes), and a last Platt scaling, fitted on
 * the blend's out-of-fold values, keeps 0.5 an even chance.
 *
 * <p>The two learners err differently: maxent weighs features against each other and is cautious
 * with a word it has seen in both classes, naive Bayes counts each word's evidence on its own and
 * catches posts whose signal is spread thin over many weak words. In 5-fold cross-validation of the
 * whole engine the blend beat either alone on all three targets (see the module README).
 *
 * @param maxent scaling of the maxent model's probability
 * @param bayes scaling of the naive Bayes model's probability
 * @param blend scaling of the blended probability
 */
public record Calibration(Platt maxent, Platt bayes, Platt blend) {
    /** The maxent model's share of the blend (chosen by cross-validation: 0.5 to 0.8 were close). */
    public static final double MAXENT_WEIGHT = 0.7;

    public static final Calibration IDENTITY = new Calibration(Platt.IDENTITY, Platt.IDENTITY, Platt.IDENTITY);

    /** The calibrated score from the two models' raw probabilities. */
    public double apply(double rawMaxent, double rawBayes) {
        return blend.apply(blended(rawMaxent, rawBayes));
    }

    /** The blend before its own scaling (what {@link #blend} is fitted on). */
    public double blended(double rawMaxent, double rawBayes) {
        double z = MAXENT_WEIGHT * Platt.logit(maxent.apply(rawMaxent))
                + (1 - MAXENT_WEIGHT) * Platt.logit(bayes.apply(rawBayes));
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /** One entry of a risk distribution: the two models' probabilities mixed linearly, same weights. */
    public static double mix(double maxent, double bayes) {
        return MAXENT_WEIGHT * maxent + (1 - MAXENT_WEIGHT) * bayes;
    }
}
