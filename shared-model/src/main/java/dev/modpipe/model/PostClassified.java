package dev.modpipe.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The classifier's verdict on one revision of a post: the value on {@link Topics#CLASSIFIED}.
 *
 * <p>{@code type} extends contract v1 (unknown fields are ignored by readers): a {@code DELETED}
 * post passes through the classifier with empty scores so that the review side closes its item in
 * order with the other events about the post. It is absent (read as {@code CREATED}) in events of
 * writers that predate it.
 *
 * <p>{@code text} extends contract v1 too: the classified text (title, a newline, then the body),
 * which the evidence offsets index, so that a moderator sees the whole post beside its evidence.
 * It is absent for a deleted post.
 *
 * <p>{@code degraded} means a stage of the pipeline failed for this post; such a post that could
 * carry a self-harm signal is flagged, never dropped.
 */
public record PostClassified(
        int schemaVersion,
        EventType type,
        String platform,
        String postId,
        int revision,
        String threadId,
        String authorId,
        String language,
        String modelVersion,
        Instant classifiedAt,
        Instant receivedAt,
        Map<Category, Double> scores,
        Map<String, Double> subcategories,
        RiskLevel selfHarmRisk,
        List<Category> flags,
        boolean flagged,
        List<Evidence> evidence,
        boolean degraded,
        String text) {

    public static final int CURRENT_SCHEMA_VERSION = 1;
    /** A title, a newline and a body at their longest. */
    public static final int MAX_TEXT_LENGTH = PostEvent.MAX_TITLE_LENGTH + 1 + PostEvent.MAX_BODY_LENGTH;

    public PostClassified {
        Checks.schemaVersion(schemaVersion);
        type = type == null ? EventType.CREATED : type;
        Checks.matches(platform, Checks.PLATFORM, "platform");
        Checks.matches(postId, Checks.POST_ID, "postId");
        if (revision < 1) {
            throw new InvalidEventException("revision", "must be at least 1");
        }
        Checks.required(modelVersion, "modelVersion");
        Checks.notNull(classifiedAt, "classifiedAt");
        scores = copyScores(Checks.notNull(scores, "scores"));
        subcategories = subcategories == null ? Map.of() : copySubcategories(subcategories);
        Checks.notNull(selfHarmRisk, "selfHarmRisk");
        flags = List.copyOf(Checks.notNull(flags, "flags"));
        if (flags.stream().distinct().count() != flags.size()) {
            throw new InvalidEventException("flags", "must not repeat a category");
        }
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        Checks.maxLength(text, MAX_TEXT_LENGTH, "text");
        if (flagged != !flags.isEmpty()) {
            throw new InvalidEventException("flagged", "must be true exactly when flags is not empty");
        }
        if (selfHarmRisk.atLeast(RiskLevel.MODERATE) && !flags.contains(Category.SELF_HARM)) {
            throw new InvalidEventException("flags", "must contain SELF_HARM when selfHarmRisk is MODERATE or above");
        }
    }

    private static Map<Category, Double> copyScores(Map<Category, Double> scores) {
        Map<Category, Double> copy = new EnumMap<>(Category.class);
        scores.forEach((category, score) -> {
            Checks.notNull(category, "scores");
            copy.put(category, Checks.probability(Checks.notNull(score, "scores." + category), "scores." + category));
        });
        return Map.copyOf(copy);
    }

    private static Map<String, Double> copySubcategories(Map<String, Double> subcategories) {
        Map<String, Double> copy = new LinkedHashMap<>();
        subcategories.forEach((key, score) -> {
            if (Subcategory.fromKey(key).isEmpty()) {
                throw new InvalidEventException("subcategories", "has an unknown key " + key);
            }
            copy.put(key, Checks.probability(Checks.notNull(score, "subcategories." + key), "subcategories." + key));
        });
        return Map.copyOf(copy);
    }

    /** The record key: {@code platform:postId}. */
    public String key() {
        return PostKey.of(platform, postId);
    }

    public double score(Category category) {
        return scores.getOrDefault(category, 0.0);
    }

    /** The pass-through verdict for a deleted post: no scores, nothing flagged. */
    public static PostClassified deleted(PostEvent post, String modelVersion, Instant at) {
        return new PostClassified(
                CURRENT_SCHEMA_VERSION,
                EventType.DELETED,
                post.platform(),
                post.postId(),
                post.revision(),
                post.threadId(),
                post.authorId(),
                post.language(),
                modelVersion,
                at,
                post.receivedAt(),
                Map.of(),
                Map.of(),
                RiskLevel.NONE,
                new ArrayList<>(),
                false,
                List.of(),
                false,
                null);
    }
}
