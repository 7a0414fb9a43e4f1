package dev.modpipe.classifier.corpus;

import dev.modpipe.model.Category;
import dev.modpipe.model.RiskLevel;
import dev.modpipe.model.Subcategory;
import java.util.Optional;

/**
 * One line of the corpus or of an {@code evaluate} input.
 *
 * @param id the post's id
 * @param text the post's text
 * @param label {@code HARMFUL}, {@code MISINFORMATION}, {@code SELF_HARM} or {@code NONE}
 * @param subcategory the subcategory key ({@code "self_harm/intent_plan"}) or {@code null}
 * @param risk the self-harm risk, {@code NONE} when absent
 * @param hardNegative whether the post is a deliberately confusable negative
 */
public record LabelledPost(
        String id, String text, String label, String subcategory, RiskLevel risk, boolean hardNegative) {
    public static final String NONE = "NONE";

    public LabelledPost {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id is required");
        }
        if (text == null) {
            throw new IllegalArgumentException("text is required (post " + id + ")");
        }
        label = label == null ? NONE : label;
        if (!label.equals(NONE)) {
            Category.valueOf(label);
        }
        if (subcategory != null) {
            // a key the models do not know would be trained as nothing, and silently
            Optional<Subcategory> known = Subcategory.fromKey(subcategory);
            if (known.isEmpty() || !known.get().category().name().equals(label)) {
                throw new IllegalArgumentException(
                        "subcategory " + subcategory + " is not one of " + label + "'s (post " + id + ")");
            }
        }
        risk = risk == null ? RiskLevel.NONE : risk;
    }

    /** The labelled category, empty for {@code NONE}. */
    public Optional<Category> category() {
        return label.equals(NONE) ? Optional.empty() : Optional.of(Category.valueOf(label));
    }

    /** The stratum the split and the folds are drawn within: label, risk and hard-negative flag. */
    public String stratum() {
        return label + "|" + risk + "|" + hardNegative;
    }
}
