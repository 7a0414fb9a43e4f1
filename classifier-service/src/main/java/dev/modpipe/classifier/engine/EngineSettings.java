package dev.modpipe.classifier.engine;

import dev.modpipe.model.Category;
import java.util.EnumMap;
import java.util.Map;

/**
 * The engine's decision thresholds. Scores are calibrated, so a threshold of 0.5 flags a post when
 * it is more likely than not in the category (on data like the corpus).
 *
 * @param thresholds per category, the calibrated score at or above which the post is flagged
 * @param selfHarmCueGate a post with an active self-harm cue implying HIGH risk or more is flagged
 *     SELF_HARM from this lower score already (recall first where a life may be at risk)
 * @param highRiskThreshold the risk model's probability of HIGH or IMMINENT at or above which a
 *     flagged post is rated at least HIGH
 * @param imminentThreshold the risk model's probability of IMMINENT, among HIGH and IMMINENT, at
 *     or above which a HIGH post is rated IMMINENT
 * @param imminentFromModel whether the risk model alone, when it is sure (see {@link
 *     ClassificationEngine#MODEL_IMMINENT_HIGH_MASS}), may rate a post IMMINENT without an IMMINENT
 *     cue; IMMINENT pages on-call staff, so this trades false pages for crises that page at all
 */
public record EngineSettings(
        Map<Category, Double> thresholds,
        double selfHarmCueGate,
        double highRiskThreshold,
        double imminentThreshold,
        boolean imminentFromModel) {

    /**
     * The thresholds used where configuration sets none: 0.5, an even chance, for HARMFUL and
     * MISINFORMATION, and 0.4 for SELF_HARM. SELF_HARM was 0.55 from round 12 to round 28 and 0.5 in
     * rounds 29 to 31. Round 32 (module README) lowered it to 0.4: in cross-validation of round 30's
     * models on 16,199 train-split posts, each step of 0.05 from 0.5 down to 0.4 recalled one HIGH or
     * IMMINENT post for every 1.2 to 1.4 more NONE posts flagged (2948 to 2987 of 3,246 recalled, 530
     * to 578 of 7,639 hard negatives), the next step down to 0.35 cost 2.7 and the one after 4.3; dev
     * and the blind sets bend at the same place. Posts with a HIGH cue are flagged from {@link
     * #selfHarmCueGate} whatever this threshold.
     */
    public static final Map<Category, Double> DEFAULT_THRESHOLDS =
            Map.of(Category.HARMFUL, 0.5, Category.MISINFORMATION, 0.5, Category.SELF_HARM, 0.4);

    public EngineSettings {
        Map<Category, Double> t = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            Double configured = thresholds == null ? null : thresholds.get(c);
            double v = configured == null ? DEFAULT_THRESHOLDS.get(c) : configured;
            check(v, "thresholds." + c);
            t.put(c, v);
        }
        thresholds = Map.copyOf(t);
        check(selfHarmCueGate, "selfHarmCueGate");
        check(highRiskThreshold, "highRiskThreshold");
        check(imminentThreshold, "imminentThreshold");
    }

    private static void check(double v, String name) {
        if (!(v >= 0.0 && v <= 1.0)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1");
        }
    }

    public static EngineSettings defaults() {
        return new EngineSettings(Map.of(), 0.1, 0.25, 0.5, true);
    }

    public double threshold(Category c) {
        return thresholds.get(c);
    }
}
