package dev.modpipe.review.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The moderators' queue: leases, service-level targets per priority class, retention.
 *
 * @param lease how long a claim holds an item before it returns to the queue
 * @param retention how long closed items, a post's revision watermark and an author's history
 *     are kept
 * @param scanLimit how many items one claim or one page may examine while applying filters
 * @param historyLimit how many of an author's flagged items are kept and shown
 * @param reapInterval how often expired leases are returned to the queue
 * @param slaSweepInterval how often items past their SLA are marked (and counted) as breached
 * @param statsInterval how often the queue gauges are refreshed
 * @param sla the service-level target per priority class
 */
@ConfigurationProperties("review.queue")
public record QueueConfig(
        @Bindable(defaultValue = "5m") @NotNull Duration lease,
        @Bindable(defaultValue = "30d") @NotNull Duration retention,
        @Bindable(defaultValue = "2000") @Min(1) @Max(100_000) int scanLimit,
        @Bindable(defaultValue = "20") @Min(1) @Max(500) int historyLimit,
        @Bindable(defaultValue = "1s") @NotNull Duration reapInterval,
        @Bindable(defaultValue = "5s") @NotNull Duration slaSweepInterval,
        @Bindable(defaultValue = "5s") @NotNull Duration statsInterval,
        @NotNull @Valid Sla sla) {

    public QueueConfig {
        Durations.requirePositive(lease, "review.queue.lease");
        Durations.requirePositive(retention, "review.queue.retention");
        Durations.requirePositive(reapInterval, "review.queue.reap-interval");
        Durations.requirePositive(slaSweepInterval, "review.queue.sla-sweep-interval");
        Durations.requirePositive(statsInterval, "review.queue.stats-interval");
    }

    /**
     * The service-level target of each priority class: an item still open this long after its
     * post was received is overdue.
     */
    @ConfigurationProperties("sla")
    public record Sla(
            @Bindable(defaultValue = "5m") @NotNull Duration imminent,
            @Bindable(defaultValue = "15m") @NotNull Duration high,
            @Bindable(defaultValue = "4h") @NotNull Duration threat,
            @Bindable(defaultValue = "1h") @NotNull Duration selfHarm,
            @Bindable(defaultValue = "4h") @NotNull Duration harmful,
            @Bindable(defaultValue = "24h") @NotNull Duration misinformation) {
        public Sla {
            Durations.requirePositive(imminent, "review.queue.sla.imminent");
            Durations.requirePositive(high, "review.queue.sla.high");
            Durations.requirePositive(threat, "review.queue.sla.threat");
            Durations.requirePositive(selfHarm, "review.queue.sla.self-harm");
            Durations.requirePositive(harmful, "review.queue.sla.harmful");
            Durations.requirePositive(misinformation, "review.queue.sla.misinformation");
        }
    }
}
