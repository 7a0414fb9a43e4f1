package dev.modpipe.review.queue;

import dev.modpipe.model.Category;
import dev.modpipe.model.RiskLevel;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A review item as stored in its Redis hash: one post awaiting (or past) a person's decision.
 *
 * @param since when the post was received (the item's age and SLA count from here)
 * @param slaDue when the item becomes overdue
 * @param breached whether it went past its SLA while open
 * @param lastFlagged whether the latest revision was still flagged (an unflagged revision of a
 *     self-harm item keeps it open)
 * @param raisedFrom the classifier's own risk when the item's risk was raised (repeated MODERATE
 *     posts), else null
 * @param classification the latest verdict as contract JSON (null in summaries)
 * @param decision the decision as contract JSON, once decided or escalated
 */
public record ReviewItem(
        String itemId,
        String platform,
        String postId,
        int revision,
        ItemState state,
        Lane lane,
        QueueClass queueClass,
        RiskLevel risk,
        List<Category> flags,
        String language,
        @Nullable String authorId,
        Instant since,
        @Nullable Instant createdAt,
        @Nullable Instant updatedAt,
        @Nullable Instant slaDue,
        boolean breached,
        @Nullable String holder,
        @Nullable Instant leaseUntil,
        boolean lastFlagged,
        @Nullable RiskLevel raisedFrom,
        @Nullable String closedReason,
        @Nullable Instant closedAt,
        @Nullable String classification,
        @Nullable String decision) {

    /** The hash fields a summary needs (everything but the verdict JSON). */
    public static final List<String> SUMMARY_FIELDS = List.of(
            "itemId",
            "platform",
            "postId",
            "revision",
            "state",
            "lane",
            "class",
            "risk",
            "flags",
            "language",
            "authorId",
            "since",
            "createdAt",
            "updatedAt",
            "slaDue",
            "breached",
            "holder",
            "leaseUntil",
            "lastFlagged",
            "raisedFrom",
            "closedReason",
            "closedAt",
            "decision");

    public String postKey() {
        return platform + ":" + postId;
    }

    /** Whether the item is past its SLA at {@code now} (whether or not the sweep counted it yet). */
    public boolean overdueAt(Instant now) {
        return state.isOpen() && slaDue != null && !slaDue.isAfter(now);
    }

    /** Reads a stored hash; null when the hash is empty (no such item). */
    @Nullable
    public static ReviewItem fromHash(Map<String, String> h) {
        if (h == null || h.isEmpty() || h.get("itemId") == null) {
            return null;
        }
        return new ReviewItem(
                h.get("itemId"),
                h.get("platform"),
                h.get("postId"),
                Integer.parseInt(h.getOrDefault("revision", "0")),
                ItemState.valueOf(h.get("state")),
                Lane.valueOf(h.getOrDefault("lane", Lane.MAIN.name())),
                QueueClass.valueOf(h.get("class")),
                RiskLevel.valueOf(h.getOrDefault("risk", RiskLevel.NONE.name())),
                flags(h.get("flags")),
                h.getOrDefault("language", ""),
                blankToNull(h.get("authorId")),
                instant(h.get("since")),
                instant(h.get("createdAt")),
                instant(h.get("updatedAt")),
                instant(h.get("slaDue")),
                "1".equals(h.get("breached")),
                blankToNull(h.get("holder")),
                instant(h.get("leaseUntil")),
                !"0".equals(h.get("lastFlagged")),
                h.get("raisedFrom") == null ? null : RiskLevel.valueOf(h.get("raisedFrom")),
                blankToNull(h.get("closedReason")),
                instant(h.get("closedAt")),
                blankToNull(h.get("classification")),
                blankToNull(h.get("decision")));
    }

    /** Reads the values of {@link #SUMMARY_FIELDS}, in that order. */
    @Nullable
    public static ReviewItem fromSummary(List<String> values) {
        Map<String, String> h = new HashMap<>();
        for (int i = 0; i < SUMMARY_FIELDS.size() && i < values.size(); i++) {
            if (values.get(i) != null) {
                h.put(SUMMARY_FIELDS.get(i), values.get(i));
            }
        }
        return fromHash(h);
    }

    private static List<Category> flags(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(Category::valueOf).toList();
    }

    private static Instant instant(String millis) {
        return millis == null || millis.isBlank() ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
