package dev.modpipe.review.support;

import dev.modpipe.model.Category;
import dev.modpipe.model.EventType;
import dev.modpipe.model.Evidence;
import dev.modpipe.model.PostClassified;
import dev.modpipe.model.RiskLevel;
import dev.modpipe.model.Subcategory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds classifier verdicts for tests. */
public final class Verdicts {
    public static final String PLATFORM = "calmspace";

    private Verdicts() {}

    public static Builder post(String postId) {
        return new Builder(postId);
    }

    /** A fluent builder of {@link PostClassified}. */
    public static final class Builder {
        private final String postId;
        private String platform = PLATFORM;
        private EventType type = EventType.CREATED;
        private int revision = 1;
        private String authorId = "a-pseudonym-1";
        private String language = "en";
        private Instant receivedAt = Instant.now();
        private RiskLevel risk = RiskLevel.NONE;
        private final Map<Category, Double> scores = new EnumMap<>(Category.class);
        private final Map<String, Double> subcategories = new LinkedHashMap<>();
        private final List<Category> flags = new ArrayList<>();
        private final List<Evidence> evidence = new ArrayList<>();
        private String text;

        Builder(String postId) {
            this.postId = postId;
        }

        public Builder platform(String p) {
            platform = p;
            return this;
        }

        public Builder revision(int r) {
            revision = r;
            if (r > 1) {
                type = EventType.EDITED;
            }
            return this;
        }

        public Builder author(String a) {
            authorId = a;
            return this;
        }

        /** The classified text that the evidence offsets index. */
        public Builder text(String t) {
            text = t;
            return this;
        }

        public Builder language(String l) {
            language = l;
            return this;
        }

        public Builder receivedAt(Instant at) {
            receivedAt = at;
            return this;
        }

        public Builder receivedAgo(java.time.Duration ago) {
            receivedAt = Instant.now().minus(ago);
            return this;
        }

        /** Self-harm at this risk (flagged). */
        public Builder selfHarm(RiskLevel r, Subcategory sub) {
            risk = r;
            flag(Category.SELF_HARM, sub, 0.9);
            evidence.add(new Evidence(Category.SELF_HARM, "timeline", 10, 17, "tonight"));
            return this;
        }

        /** Harmful with this subcategory as the strongest. */
        public Builder harmful(Subcategory sub) {
            flag(Category.HARMFUL, sub, 0.8);
            evidence.add(new Evidence(Category.HARMFUL, sub.key(), 0, 5, "words"));
            return this;
        }

        public Builder misinformation() {
            flag(Category.MISINFORMATION, Subcategory.HEALTH, 0.7);
            return this;
        }

        /** The category and its subcategory at this score, the category flagged. */
        private void flag(Category c, Subcategory sub, double score) {
            scores.put(c, score);
            subcategories.put(sub.key(), score);
            if (!flags.contains(c)) {
                flags.add(c);
            }
        }

        public PostClassified build() {
            Map<Category, Double> s = new EnumMap<>(scores);
            for (Category c : Category.values()) {
                s.putIfAbsent(c, 0.01);
            }
            return classified(type, s, subcategories, risk, flags, !flags.isEmpty(), evidence, text);
        }

        /** The DELETED pass-through for this post. */
        public PostClassified deleted() {
            return classified(EventType.DELETED, Map.of(), Map.of(), RiskLevel.NONE, List.of(), false, List.of(), null);
        }

        private PostClassified classified(
                EventType eventType,
                Map<Category, Double> categoryScores,
                Map<String, Double> subcategoryScores,
                RiskLevel selfHarmRisk,
                List<Category> flagged,
                boolean anyFlagged,
                List<Evidence> spans,
                String classifiedText) {
            return new PostClassified(
                    PostClassified.CURRENT_SCHEMA_VERSION,
                    eventType,
                    platform,
                    postId,
                    revision,
                    "t-1",
                    authorId,
                    language,
                    "test-model-1",
                    Instant.now(),
                    receivedAt,
                    categoryScores,
                    subcategoryScores,
                    selfHarmRisk,
                    flagged,
                    anyFlagged,
                    spans,
                    false,
                    classifiedText);
        }
    }
}
