package dev.modpipe.classifier.cues;

import dev.modpipe.model.Category;
import dev.modpipe.model.RiskLevel;
import dev.modpipe.model.Subcategory;

/**
 * One pattern of the cue catalogue.
 *
 * @param category the category the cue speaks for
 * @param cue the cue's name, as shown in evidence ({@code "timeline"}, {@code "means_access"})
 * @param kind what the cue does
 * @param risk for self-harm signals, the risk an active hit implies; {@code NONE} otherwise
 * @param subcategory the subcategory it points to, or {@code null}
 * @param pattern the token pattern
 */
public record CueRule(
        Category category, String cue, Kind kind, RiskLevel risk, Subcategory subcategory, TokenPattern pattern) {

    /** What a cue does. */
    public enum Kind {
        /** Evidence for its category (for self-harm, with the risk it implies). */
        SIGNAL,
        /** Context that feeds the models and the risk rules, such as means or a timeline. */
        INFO,
        /** Context that lowers risk in its sentence: idiom, support, recovery, news, fiction. */
        MITIGATE,
        /**
         * Post-wide context that changes how the post's other self-harm cues count: an accident, a
         * time years back, and the cover story or recent event that vetoes them ({@link
         * CueCatalogue#toldAsStory}). A model feature; never evidence, never a risk signal.
         */
        CONTEXT;

        /**
         * Whether an active hit is evidence for its category, shown to moderators and counted by
         * the risk rules (signals, means, timelines), rather than context for other hits.
         */
        public boolean isEvidence() {
            return this == SIGNAL || this == INFO;
        }
    }

    /** The short name used in model features: {@code sh.intent}, {@code hm.threat}. */
    public String featureName() {
        String prefix =
                switch (category) {
                    case SELF_HARM -> "sh.";
                    case HARMFUL -> "hm.";
                    case MISINFORMATION -> "mi.";
                };
        return prefix + cue;
    }
}
