package dev.modpipe.review.escalation;

import dev.modpipe.model.AlertState;
import dev.modpipe.model.Category;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.EventType;
import dev.modpipe.model.ModerationAction;
import dev.modpipe.model.PostClassified;
import dev.modpipe.model.RiskLevel;
import dev.modpipe.review.decision.DecisionService;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens crisis alerts for IMMINENT posts (and HIGH ones when configured) before the queue sees
 * them, raises authors with repeated MODERATE posts to HIGH, and acknowledges, resolves or cancels
 * alerts. Notifications, escalation timers and Kafka events are driven by {@link EscalationJobs}.
 */
@Singleton
public class EscalationService {
    private static final Logger LOG = LoggerFactory.getLogger(EscalationService.class);
    /** Who opens and cancels alerts when no person does. */
    public static final String SYSTEM = "system";

    private final AlertStore alerts;
    private final RiskWindow window;
    private final EscalationPolicy policy;
    private final EscalationConfig config;
    private final AlertMetrics metrics;
    private final Clock clock;
    private final ApplicationEventPublisher<AlertChanged> changes;

    public EscalationService(
            AlertStore alerts,
            RiskWindow window,
            EscalationPolicy policy,
            EscalationConfig config,
            AlertMetrics metrics,
            Clock clock,
            ApplicationEventPublisher<AlertChanged> changes) {
        this.alerts = alerts;
        this.window = window;
        this.policy = policy;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.changes = changes;
    }

    /** The id of the alert of a review item (one per item). */
    public static String alertIdFor(String itemId) {
        return UUID.nameUUIDFromBytes(("crisis-alert:" + itemId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * The risk a verdict's item carries: HIGH when its author has {@code moderate-threshold}
     * MODERATE posts (this one included) within {@code moderate-window}, else the classifier's.
     */
    public RiskLevel effectiveRisk(PostClassified verdict) {
        if (verdict.type() == EventType.DELETED
                || verdict.selfHarmRisk() != RiskLevel.MODERATE
                || verdict.authorId() == null
                || verdict.authorId().isBlank()) {
            return verdict.selfHarmRisk();
        }
        Instant receivedAt = verdict.receivedAt() != null ? verdict.receivedAt() : verdict.classifiedAt();
        long count = window.recordModerate(
                verdict.platform(), verdict.authorId(), verdict.key(), receivedAt, config.moderateWindow());
        if (count >= config.moderateThreshold()) {
            LOG.info(
                    "{}: the author has {} MODERATE posts within {}; raised to HIGH",
                    verdict.key(),
                    count,
                    config.moderateWindow());
            return RiskLevel.HIGH;
        }
        return verdict.selfHarmRisk();
    }

    /** Whether an item at this risk opens an alert. */
    public boolean alerts(RiskLevel risk) {
        return config.enabled() && (risk == RiskLevel.IMMINENT || (config.alertOnHigh() && risk == RiskLevel.HIGH));
    }

    /**
     * Opens the item's alert when its risk calls for one (idempotent: one alert per item) and
     * notifies tier 1 at once. Returns the alert id when there is an alert.
     */
    public Optional<String> openFor(String itemId, PostClassified verdict, RiskLevel risk) {
        if (!alerts(risk)) {
            return Optional.empty();
        }
        EscalationPolicy.Tier first = policy.tier(1);
        Instant now = clock.instant();
        String alertId = alertIdFor(itemId);
        AlertStore.OpenOutcome outcome = alerts.open(new NewAlert(
                alertId,
                itemId,
                verdict.platform(),
                verdict.postId(),
                risk,
                verdict.receivedAt(),
                verdict.authorId() == null ? null : verdict.platform() + ":" + verdict.authorId(),
                EventJson.writeString(verdict.evidence()),
                first,
                now.plus(first.ackTimeout()),
                SYSTEM));
        if (outcome == AlertStore.OpenOutcome.OPENED) {
            metrics.opened(risk);
            LOG.warn(
                    "crisis alert {} opened: {} risk on {} (item {}); notifying tier 1 ({})",
                    alertId,
                    risk,
                    verdict.key(),
                    itemId,
                    first.name());
        }
        changes.publishEvent(new AlertChanged(alertId));
        return Optional.of(alertId);
    }

    /** Cancels the open alerts of a deleted post. */
    public void cancelForPost(String postKey, String reason) {
        for (String alertId : alerts.alertsOfPost(postKey)) {
            cancel(alertId, reason, SYSTEM);
        }
    }

    /** Acknowledges an alert: its escalation stops. */
    public Alert acknowledge(String alertId, String user) {
        Alert alert = transition(alertId, AlertStore.Action.ACK, user, "", "acknowledged");
        if (alert.ackedAt() != null && user.equals(alert.ackedBy())) {
            metrics.acknowledged(Duration.between(alert.openedAt(), alert.ackedAt()));
        }
        return alert;
    }

    /** Resolves an alert. */
    public Alert resolve(String alertId, String user) {
        return transition(alertId, AlertStore.Action.RESOLVE, user, "", "resolved");
    }

    /**
     * A moderator's APPROVE with the label correction {@code SELF_HARM=false} says there was no
     * risk: the item's alert is cancelled with that reason.
     */
    @EventListener
    void onDecided(DecisionService.Decided decided) {
        var decision = decided.decision();
        if (decision.action() == ModerationAction.APPROVE
                && Boolean.FALSE.equals(decision.labelCorrection().get(Category.SELF_HARM))) {
            try {
                alerts.alertOfItem(decision.itemId())
                        .ifPresent(alertId -> cancel(
                                alertId,
                                "approved by " + decision.moderator() + " with the label correction SELF_HARM=false",
                                decision.moderator()));
            } catch (RuntimeException e) {
                // the decision stands; the alert stays for on-call staff to resolve (fail closed)
                LOG.warn(
                        "cannot cancel the alert of item {} after its approval: {}",
                        decision.itemId(),
                        e.getClass().getSimpleName());
            }
        }
    }

    private void cancel(String alertId, String reason, String by) {
        if (alerts.transition(alertId, AlertStore.Action.CANCEL, by, reason) == AlertStore.TransitionOutcome.OK) {
            LOG.info("crisis alert {} cancelled: {}", alertId, reason);
            changes.publishEvent(new AlertChanged(alertId));
        }
    }

    private Alert transition(String alertId, AlertStore.Action action, String user, String reason, String verb) {
        AlertStore.TransitionOutcome outcome = alerts.transition(alertId, action, user, reason);
        Alert alert = alerts.find(alertId).orElseThrow(() -> new AlertNotFoundException(alertId));
        switch (outcome) {
            case NOT_FOUND -> throw new AlertNotFoundException(alertId);
            case CONFLICT -> throw new AlertConflictException(alertId, verb, alert.state());
            case OK -> changes.publishEvent(new AlertChanged(alertId));
            case UNCHANGED -> {
                // already in that state: answered as is
            }
        }
        return alert;
    }

    /** Whether a state still escalates. */
    static boolean escalates(AlertState state) {
        return state == AlertState.OPEN || state == AlertState.ESCALATED;
    }
}
