package dev.modpipe.model;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** A moderator's decision on a review item: the value on {@link Topics#DECISIONS}, consumed by platforms. */
public record ModerationDecision(
        int schemaVersion,
        String platform,
        String postId,
        String itemId,
        ModerationAction action,
        String reason,
        String moderator,
        Instant decidedAt,
        Map<Category, Boolean> labelCorrection) {

    public static final int CURRENT_SCHEMA_VERSION = 1;
    public static final int MAX_REASON_LENGTH = 2_000;

    public ModerationDecision {
        Checks.schemaVersion(schemaVersion);
        Checks.matches(platform, Checks.PLATFORM, "platform");
        Checks.matches(postId, Checks.POST_ID, "postId");
        Checks.required(itemId, "itemId");
        Checks.notNull(action, "action");
        Checks.maxLength(reason, MAX_REASON_LENGTH, "reason");
        Checks.required(moderator, "moderator");
        Checks.notNull(decidedAt, "decidedAt");
        labelCorrection = labelCorrection == null || labelCorrection.isEmpty()
                ? Map.of()
                : Map.copyOf(new EnumMap<>(labelCorrection));
    }

    public String key() {
        return PostKey.of(platform, postId);
    }
}
