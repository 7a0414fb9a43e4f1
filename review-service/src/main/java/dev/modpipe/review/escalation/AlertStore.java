package dev.modpipe.review.escalation;

import dev.modpipe.model.AlertState;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Crisis alerts, their escalation timers and transitions. Every change is atomic, audited, put in
 * the alert's history, and queued for {@code moderation.alerts.v1} in the same step (outbox).
 */
public interface AlertStore {

    /** What {@link #open} did. */
    enum OpenOutcome {
        OPENED,
        EXISTS,
        RAISED
    }

    /** What {@link #transition} did. */
    enum TransitionOutcome {
        OK,
        UNCHANGED,
        CONFLICT,
        NOT_FOUND
    }

    /** What {@link #escalate} did. */
    enum EscalateOutcome {
        ESCALATED,
        EXHAUSTED,
        SKIPPED,
        GONE
    }

    /** Acknowledge, resolve, cancel. */
    enum Action {
        ACK,
        RESOLVE,
        CANCEL
    }

    /** Opens the item's alert and queues tier 1's notifications; at most one alert per item. */
    OpenOutcome open(NewAlert alert);

    Optional<Alert> find(String alertId);

    /** Alerts, newest first, optionally in one state. */
    List<Alert> list(@Nullable AlertState state, int limit);

    /** The alerts ever opened for a post. */
    Set<String> alertsOfPost(String postKey);

    Optional<String> alertOfItem(String itemId);

    TransitionOutcome transition(String alertId, Action action, String by, String reason);

    /** Alerts whose ack timeout has passed. */
    List<String> dueTimers(int limit);

    /**
     * Moves an alert from {@code expected} to {@code next} (null: the policy is exhausted), only if
     * it is still at {@code expected} and due: on several instances exactly one succeeds.
     */
    EscalateOutcome escalate(
            String alertId,
            EscalationPolicy.Step expected,
            @Nullable EscalationPolicy.Step next,
            @Nullable EscalationPolicy.Tier nextTier,
            @Nullable Instant nextDue);

    /** The alert's history, oldest first. */
    List<AlertHistoryEntry> history(String alertId);
}
