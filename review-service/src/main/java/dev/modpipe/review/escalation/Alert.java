package dev.modpipe.review.escalation;

import dev.modpipe.model.AlertState;
import dev.modpipe.model.RiskLevel;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Map;

/**
 * A crisis alert as stored in its Redis hash.
 *
 * @param tier the current tier (from 1)
 * @param pass how many times the policy ran through all its tiers before (from 0)
 * @param tierName the current tier's name
 * @param notifiedAt when the first notification was delivered
 * @param nextEscalationAt when the next tier is notified unless acknowledged
 * @param exhausted whether every tier of every pass was notified without an acknowledgement
 * @param authorKey {@code platform:pseudonymousAuthorId}, internal (to find the author's history);
 *     never part of a payload or an answer
 * @param evidence the verdict's evidence spans (JSON array)
 */
public record Alert(
        String alertId,
        String itemId,
        String platform,
        String postId,
        RiskLevel risk,
        AlertState state,
        int tier,
        int pass,
        String tierName,
        Instant openedAt,
        @Nullable Instant receivedAt,
        @Nullable Instant notifiedAt,
        @Nullable Instant ackedAt,
        @Nullable String ackedBy,
        @Nullable Instant resolvedAt,
        @Nullable String resolvedBy,
        @Nullable Instant cancelledAt,
        @Nullable String cancelReason,
        @Nullable Instant nextEscalationAt,
        boolean exhausted,
        @Nullable String authorKey,
        String evidence) {

    public String postKey() {
        return platform + ":" + postId;
    }

    @Nullable
    static Alert fromHash(Map<String, String> h) {
        if (h == null || h.get("alertId") == null) {
            return null;
        }
        return new Alert(
                h.get("alertId"),
                h.get("itemId"),
                h.get("platform"),
                h.get("postId"),
                RiskLevel.valueOf(h.get("risk")),
                AlertState.valueOf(h.get("state")),
                Integer.parseInt(h.getOrDefault("tier", "1")),
                Integer.parseInt(h.getOrDefault("pass", "0")),
                h.getOrDefault("tierName", ""),
                instant(h.get("openedAt")),
                instant(h.get("receivedAt")),
                instant(h.get("notifiedAt")),
                instant(h.get("ackedAt")),
                h.get("ackedBy"),
                instant(h.get("resolvedAt")),
                h.get("resolvedBy"),
                instant(h.get("cancelledAt")),
                h.get("cancelReason"),
                instant(h.get("dueAt")),
                "1".equals(h.get("exhausted")),
                blankToNull(h.get("authorKey")),
                h.getOrDefault("evidence", "[]"));
    }

    private static Instant instant(String millis) {
        return millis == null || millis.isBlank() ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
