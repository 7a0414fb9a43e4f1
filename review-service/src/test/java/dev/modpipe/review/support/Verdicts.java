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
            scores.put(Category.SELF_HARM, 0.9);
            subcategories.put(sub.key(), 0.9);
            flag(Category.SELF_HARM);
            evidence.add(new Evidence(Category.SELF_HARM, "timeline", 10, 17, "tonight"));
            return this;
        }

        /** Harmful with this subcategory as the strongest. */
        public Builder harmful(Subcategory sub) {
            scores.put(Category.HARMFUL, 0.8);
            subcategories.put(sub.key(), 0.8);
            flag(Category.HARMFUL);
            evidence.add(new Evidence(Category.HARMFUL, sub.key(), 0, 5, "words"));
            return this;
        }

        public Builder misinformation() {
            scores.put(Category.MISINFORMATION, 0.7);
            subcategories.put(Subcategory.HEALTH.key(), 0.7);
            flag(Category.MISINFORMATION);
            return this;
        }

        private void flag(Category c) {
            if (!flags.contains(c)) {
                flags.add(c);
            }
        }

        public PostClassified build() {
            Map<Category, Double> s = new EnumMap<>(scores);
            for (Category c : Category.values()) {
                s.putIfAbsent(c, 0.01);
            }
            return new PostClassified(
                    PostClassified.CURRENT_SCHEMA_VERSION,
                    type,
                    platform,
                    postId,
                    revision,
                    "t-1",
                    authorId,
                    language,
                    "test-model-1",
                    Instant.now(),
                    receivedAt,
                    s,
                    subcategories,
                    risk,
                    flags,
                    !flags.isEmpty(),
                    evidence,
                    false,
                    text);
        }

        /** The DELETED pass-through for this post. */
        public PostClassified deleted() {
            return new PostClassified(
                    PostClassified.CURRENT_SCHEMA_VERSION,
                    EventType.DELETED,
                    platform,
                    postId,
                    revision,
                    "t-1",
                    authorId,
                    language,
                    "test-model-1",
                    Instant.now(),
                    receivedAt,
                    Map.of(),
                    Map.of(),
                    RiskLevel.NONE,
                    List.of(),
                    false,
                    List.of(),
                    false,
                    null);
        }
    }
}
