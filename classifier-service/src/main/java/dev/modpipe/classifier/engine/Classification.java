package dev.modpipe.classifier.engine;

import dev.modpipe.model.Category;
import dev.modpipe.model.Evidence;
import dev.modpipe.model.RiskLevel;
import java.util.List;
import java.util.Map;

/**
 * The engine's verdict on one text.
 *
 * @param language ISO 639-1 code of the text's language
 * @param modelVersion the version of the models that scored it
 * @param scores calibrated score per category
 * @param subcategories per subcategory key, the probability of the category and the subcategory
 * @param selfHarmRisk the self-harm risk
 * @param flags the categories at or above their threshold (or flagged by a rule)
 * @param evidence spans of the original text that support the flags
 * @param degraded whether a stage failed for this text
 */
public record Classification(
        String language,
        String modelVersion,
        Map<Category, Double> scores,
        Map<String, Double> subcategories,
        RiskLevel selfHarmRisk,
        List<Category> flags,
        List<Evidence> evidence,
        boolean degraded) {

    public Classification {
        scores = Map.copyOf(scores);
        subcategories = Map.copyOf(subcategories);
        flags = List.copyOf(flags);
        evidence = List.copyOf(evidence);
        if (selfHarmRisk.atLeast(RiskLevel.MODERATE) && !flags.contains(Category.SELF_HARM)) {
            throw new IllegalStateException("risk " + selfHarmRisk + " without a SELF_HARM flag");
        }
    }

    public boolean flagged() {
        return !flags.isEmpty();
    }

    public double score(Category c) {
        return scores.getOrDefault(c, 0.0);
    }

    /**
     * The single label used to measure the engine against a single-label corpus: SELF_HARM when it
     * is flagged with risk MODERATE or more, else the flagged category with the highest score, else
     * {@code NONE}.
     */
    public String primaryLabel() {
        if (flags.contains(Category.SELF_HARM) && selfHarmRisk.atLeast(RiskLevel.MODERATE)) {
            return Category.SELF_HARM.name();
        }
        Category best = null;
        for (Category c : flags) {
            if (best == null || score(c) > score(best)) {
                best = c;
            }
        }
        return best == null ? "NONE" : best.name();
    }
}
