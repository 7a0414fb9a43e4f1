package dev.modpipe.model;

import java.util.Arrays;
import java.util.Optional;

/** The fine-grained labels below each {@link Category}, keyed on the wire as {@code "category/name"}. */
public enum Subcategory {
    HARASSMENT(Category.HARMFUL, "harmful/harassment"),
    HATE(Category.HARMFUL, "harmful/hate"),
    THREAT(Category.HARMFUL, "harmful/threat"),
    SCAM(Category.HARMFUL, "harmful/scam"),
    HEALTH(Category.MISINFORMATION, "misinformation/health"),
    TREATMENT(Category.MISINFORMATION, "misinformation/treatment"),
    CONSPIRACY(Category.MISINFORMATION, "misinformation/conspiracy"),
    IDEATION(Category.SELF_HARM, "self_harm/ideation"),
    INTENT_PLAN(Category.SELF_HARM, "self_harm/intent_plan"),
    SELF_INJURY(Category.SELF_HARM, "self_harm/self_injury"),
    INSTRUCTIONS(Category.SELF_HARM, "self_harm/instructions");

    private final Category category;
    private final String key;

    Subcategory(Category category, String key) {
        this.category = category;
        this.key = key;
    }

    public Category category() {
        return category;
    }

    /** The key used in JSON, for example {@code "self_harm/intent_plan"}. */
    public String key() {
        return key;
    }

    public static Optional<Subcategory> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
