package dev.modpipe.review.escalation;

import dev.modpipe.model.CrisisAlertEvent;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.InvalidEventException;
import dev.modpipe.review.config.TopicsConfig;
import dev.modpipe.review.kafka.EventPublisher;
import dev.modpipe.review.kafka.PublishFailedException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The escalation's clockwork, on every instance, safe with several: every {@code poll-interval}
 * (and at once when an alert changes) it escalates alerts whose ack timeout passed (compare-and-set
 * in Lua: exactly one instance acts per step), starts due notifications (each taken under a lease),
 * and relays alert events from the Redis outbox to {@code moderation.alerts.v1} (one instance at a
 * time, under a lock, in order). Timers live in Redis, so one that fell due while every instance
 * was down fires right after the first one starts. Kafka being down delays only the relay.
 */
@Singleton
@Requires(property = "review.jobs.enabled", notEquals = "false")
public class EscalationJobs {
    private static final Logger LOG = LoggerFactory.getLogger(EscalationJobs.class);
    private static final Duration RELAY_LOCK = Duration.ofSeconds(30);

    private final AlertStore alerts;
    private final AlertOutbox outbox;
    private final DeliveryWorker deliveries;
    private final EscalationPolicy policy;
    private final AlertMetrics metrics;
    private final EventPublisher publisher;
    private final TopicsConfig topics;
    private final Duration interval;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString();
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "escalation-timers"));
    private final ScheduledExecutorService relay =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "alert-event-relay"));

    public EscalationJobs(
            AlertStore alerts,
            AlertOutbox outbox,
            DeliveryWorker deliveries,
            EscalationPolicy policy,
            AlertMetrics metrics,
            EventPublisher publisher,
            TopicsConfig topics,
            EscalationConfig config,
            Clock clock) {
        this.alerts = alerts;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.policy = policy;
        this.metrics = metrics;
        this.publisher = publisher;
        this.topics = topics;
        this.interval = config.pollInterval();
        this.clock = clock;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @EventListener
    void start(StartupEvent event) {
        timers.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        relay.scheduleWithFixedDelay(this::relayEvents, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** An alert changed: send its notifications and events now rather than at the next tick. */
    @EventListener
    void onAlertChanged(AlertChanged changed) {
        if (!timers.isShutdown()) {
            timers.execute(this::tick);
            relay.execute(this::relayEvents);
        }
    }

    void tick() {
        try {
            escalateDue();
            deliveries.poll();
        } catch (JedisException e) {
            LOG.warn("escalation paused: Redis unavailable ({})", e.getClass().getSimpleName());
        } catch (RuntimeException | Error e) {
            // never let one failure stop the clockwork: a scheduled task that throws is not run again
            LOG.error("escalation tick failed", e);
        }
    }

    void escalateDue() {
        for (String alertId : alerts.dueTimers(100)) {
            Optional<Alert> found = alerts.find(alertId);
            EscalationPolicy.Step current = found.map(a -> new EscalationPolicy.Step(a.tier(), a.pass()))
                    .orElse(new EscalationPolicy.Step(0, 0));
            Optional<EscalationPolicy.Step> next = found.isEmpty() ? Optional.empty() : policy.next(current);
            EscalationPolicy.Tier tier = next.map(s -> policy.tier(s.tier())).orElse(null);
            Instant due = tier == null ? null : clock.instant().plus(tier.ackTimeout());
            AlertStore.EscalateOutcome outcome = alerts.escalate(alertId, current, next.orElse(null), tier, due);
            if (outcome == AlertStore.EscalateOutcome.ESCALATED) {
                metrics.escalations(next.get().tier()).increment();
                LOG.warn(
                        "crisis alert {} not acknowledged: escalated to tier {} ({}), pass {}",
                        alertId,
                        next.get().tier(),
                        tier.name(),
                        next.get().pass() + 1);
                relay.execute(this::relayEvents);
            } else if (outcome == AlertStore.EscalateOutcome.EXHAUSTED) {
                LOG.error(
                        "crisis alert {} was not acknowledged by any tier in {} pass(es); it stays open",
                        alertId,
                        policy.loops() + 1);
            }
        }
    }

    void relayEvents() {
        try {
            if (!outbox.lock(instance, RELAY_LOCK)) {
                return;
            }
        } catch (JedisException e) {
            LOG.warn(
                    "alert event relay paused: Redis unavailable ({})",
                    e.getClass().getSimpleName());
            return;
        }
        try {
            for (AlertOutbox.Pending pending : outbox.pending(100)) {
                try {
                    CrisisAlertEvent event =
                            EventJson.read(pending.json().getBytes(StandardCharsets.UTF_8), CrisisAlertEvent.class);
                    publisher.publish(topics.alerts(), event.key(), event);
                } catch (InvalidEventException e) {
                    LOG.error(
                            "skipping an unreadable alert event {} of alert {}: {}",
                            pending.id(),
                            pending.alertId(),
                            e.getMessage());
                }
                if (!outbox.markPublished(instance, pending.id())) {
                    return;
                }
            }
        } catch (PublishFailedException e) {
            LOG.warn("alert events wait in the outbox: {}", e.getMessage());
        } catch (JedisException e) {
            LOG.warn(
                    "alert event relay paused: Redis unavailable ({})",
                    e.getClass().getSimpleName());
        } catch (RuntimeException | Error e) {
            LOG.error("alert event relay failed", e);
        } finally {
            try {
                outbox.unlock(instance);
            } catch (RuntimeException e) {
                LOG.debug(
                        "cannot release the relay lock; it expires by itself ({})",
                        e.getClass().getSimpleName());
            }
        }
    }

    /** Lets a running tick or relay finish (an event half-published would be published twice). */
    @PreDestroy
    void stop() {
        timers.shutdown();
        relay.shutdown();
        try {
            if (!relay.awaitTermination(15, TimeUnit.SECONDS) | !timers.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("escalation jobs still running at shutdown; interrupting them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            timers.shutdownNow();
            relay.shutdownNow();
        }
    }
}
