package dev.modpipe.review.escalation;

import dev.modpipe.review.queue.ReviewItem;
import dev.modpipe.review.queue.ReviewQueue;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notifications. Every (alert, step, target) is its own job, taken under a lease and sent on
 * its own thread with a timeout, so a target that is down never holds up the others. A failed
 * attempt is retried with exponential backoff and jitter up to {@code max-attempts}; every attempt
 * is in the alert's history and failures are counted. Thread-safe.
 */
@Singleton
public class DeliveryWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final String LOG_CHANNEL = "LOG";

    private final DeliveryStore deliveries;
    private final AlertStore alerts;
    private final ReviewQueue queue;
    private final EscalationPolicy policy;
    private final AlertMessages messages;
    private final AlertMetrics metrics;
    private final EscalationConfig.Delivery config;
    private final int historyLimit;
    private final Clock clock;
    private final HttpClient http;
    private final ExecutorService senders;
    private final AtomicInteger inFlight = new AtomicInteger();

    public DeliveryWorker(
            DeliveryStore deliveries,
            AlertStore alerts,
            ReviewQueue queue,
            EscalationPolicy policy,
            AlertMessages messages,
            AlertMetrics metrics,
            EscalationConfig config,
            Clock clock) {
        this.deliveries = deliveries;
        this.alerts = alerts;
        this.queue = queue;
        this.policy = policy;
        this.messages = messages;
        this.metrics = metrics;
        this.config = config.delivery();
        this.historyLimit = config.historyLimit();
        this.clock = clock;
        this.http =
                HttpClient.newBuilder().connectTimeout(this.config.timeout()).build();
        AtomicInteger n = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(this.config.threads(), r -> {
            Thread t = new Thread(r, "alert-delivery-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Takes as many due jobs as there are free senders and starts them. */
    public void poll() {
        int free = config.threads() - inFlight.get();
        if (free <= 0) {
            return;
        }
        for (DeliveryStore.Claimed claimed : deliveries.claim(free, config.lease())) {
            inFlight.incrementAndGet();
            senders.execute(() -> {
                try {
                    deliver(claimed);
                } catch (RuntimeException e) {
                    LOG.error("delivery {} failed unexpectedly", claimed.deliveryId(), e);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
    }

    void deliver(DeliveryStore.Claimed claimed) {
        Optional<Delivery> found = deliveries.find(claimed.deliveryId());
        if (found.isEmpty()) {
            return;
        }
        Delivery delivery = found.get();
        Optional<Alert> alert = alerts.find(delivery.alertId());
        Optional<TargetConfig> target = policy.target(delivery.target());
        String channel =
                target.map(t -> t.logsOnly() ? LOG_CHANNEL : t.channel().name()).orElse("UNKNOWN");
        if (alert.isEmpty()) {
            finish(claimed, DeliveryStore.Outcome.SKIPPED, "the alert is gone", channel);
            return;
        }
        if (delivery.kind() == DeliveryKind.TRIGGER
                && !EscalationService.escalates(alert.get().state())) {
            finish(
                    claimed,
                    DeliveryStore.Outcome.SKIPPED,
                    "the alert is " + alert.get().state(),
                    channel);
            return;
        }
        if (target.isEmpty()) {
            fail(claimed, delivery, "target " + delivery.target() + " is not configured", channel, true);
            return;
        }
        if (target.get().logsOnly()) {
            Alert a = alert.get();
            LOG.warn(
                    "CRISIS ALERT {} [{}] {} risk, {} post {} (item {}), tier {} ({}), target {}: no URL configured, logged and kept",
                    a.alertId(),
                    delivery.kind(),
                    a.risk(),
                    a.platform(),
                    a.postId(),
                    a.itemId(),
                    a.tier(),
                    a.tierName(),
                    delivery.target());
            succeed(claimed, delivery, channel);
            return;
        }
        send(claimed, delivery, alert.get(), target.get(), channel);
    }

    private void send(
            DeliveryStore.Claimed claimed, Delivery delivery, Alert alert, TargetConfig target, String channel) {
        byte[] body = messages.body(target, alert, delivery.kind(), authorHistory(alert));
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.url()))
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "modpipe-review-service")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                succeed(claimed, delivery, channel);
            } else {
                fail(claimed, delivery, "HTTP " + response.statusCode(), channel, false);
            }
        } catch (IOException e) {
            fail(claimed, delivery, e.getClass().getSimpleName(), channel, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(claimed, delivery, "interrupted", channel, false);
        }
    }

    private List<ReviewItem> authorHistory(Alert alert) {
        if (alert.authorKey() == null || historyLimit == 0) {
            return List.of();
        }
        int colon = alert.authorKey().indexOf(':');
        return queue.authorHistory(
                alert.authorKey().substring(0, colon), alert.authorKey().substring(colon + 1), historyLimit + 1);
    }

    private void succeed(DeliveryStore.Claimed claimed, Delivery delivery, String channel) {
        DeliveryStore.Finished finished = finish(claimed, DeliveryStore.Outcome.DELIVERED, "", channel);
        if (finished.stale()) {
            return;
        }
        metrics.delivered(channel, delivery.kind());
        if (finished.first()) {
            Instant from = finished.receivedAt() != null ? finished.receivedAt() : finished.openedAt();
            if (from != null) {
                metrics.firstNotification(Duration.between(from, clock.instant()));
            }
        }
    }

    private void fail(DeliveryStore.Claimed claimed, Delivery delivery, String why, String channel, boolean giveUpNow) {
        boolean last = giveUpNow || claimed.attempt() >= config.maxAttempts();
        metrics.deliveryFailures(channel, last).increment();
        if (last) {
            LOG.error(
                    "crisis alert {}: giving up on notifying {} ({}) after {} attempt(s): {}",
                    delivery.alertId(),
                    delivery.target(),
                    delivery.kind(),
                    claimed.attempt(),
                    why);
            finish(claimed, DeliveryStore.Outcome.FAILED, why, channel);
        } else {
            Duration wait = backoff(claimed.attempt());
            LOG.warn(
                    "crisis alert {}: notifying {} failed (attempt {}: {}); retrying in {} ms",
                    delivery.alertId(),
                    delivery.target(),
                    claimed.attempt(),
                    why,
                    wait.toMillis());
            deliveries.finish(
                    claimed.deliveryId(),
                    claimed.attempt(),
                    DeliveryStore.Outcome.RETRY,
                    clock.instant().plus(wait),
                    why,
                    channel);
        }
    }

    private DeliveryStore.Finished finish(
            DeliveryStore.Claimed claimed, DeliveryStore.Outcome outcome, String detail, String channel) {
        return deliveries.finish(claimed.deliveryId(), claimed.attempt(), outcome, clock.instant(), detail, channel);
    }

    /** Exponential backoff with "equal jitter": half the capped exponential, plus up to as much again at random. */
    Duration backoff(int attempt) {
        long base = config.initialBackoff().toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        long capped = Math.min(base, config.maxBackoff().toMillis());
        long half = Math.max(1, capped / 2);
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    @PreDestroy
    @Override
    public void close() {
        senders.shutdownNow();
    }
}
