package dev.modpipe.model;

import java.time.Instant;

/**
 * One transition of a crisis alert: the value on {@link Topics#ALERTS}, keyed by {@code alertId}.
 * {@code by} names the user who caused the transition, when a person did.
 */
public record CrisisAlertEvent(
        int schemaVersion,
        String alertId,
        String platform,
        String postId,
        String itemId,
        RiskLevel risk,
        AlertState state,
        int tier,
        String target,
        Instant at,
        String by) {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    public CrisisAlertEvent {
        Checks.schemaVersion(schemaVersion);
        Checks.required(alertId, "alertId");
        Checks.matches(platform, Checks.PLATFORM, "platform");
        Checks.matches(postId, Checks.POST_ID, "postId");
        Checks.notNull(risk, "risk");
        Checks.notNull(state, "state");
        if (tier < 1) {
            throw new InvalidEventException("tier", "must be at least 1");
        }
        Checks.notNull(at, "at");
    }

    /** Alerts are keyed by their own id, not by post. */
    public String key() {
        return alertId;
    }
}
