package dev.modpipe.review.escalation;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Crisis escalation: which risks open an alert, the default ack timeout of a tier, how often the
 * policy repeats, the MODERATE window, delivery retries. Tiers and targets are {@link TierConfig}
 * and {@link TargetConfig}.
 *
 * @param enabled whether IMMINENT (and, with {@code alertOnHigh}, HIGH) posts open alerts
 * @param alertOnHigh whether HIGH posts (including authors raised from MODERATE) open alerts too
 * @param ackTimeout a tier's ack timeout unless the tier sets its own ({@code ESCALATION_ACK_TIMEOUT})
 * @param loops how many more times the whole policy runs after its last tier
 * @param moderateWindow the window in which repeated MODERATE posts of an author are counted
 * @param moderateThreshold how many MODERATE posts in the window raise the author's post to HIGH
 * @param pollInterval how often due timers, deliveries and unpublished alert events are looked for
 * @param linkTemplate a link to the post for on-call staff, with {@code {platform}} and {@code {postId}}
 * @param historyLimit how many of the author's recent flagged items an alert carries
 * @param delivery retries of notifications
 */
@ConfigurationProperties("review.escalation")
public record EscalationConfig(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "false") boolean alertOnHigh,
        @Bindable(defaultValue = "5m") @NotNull Duration ackTimeout,
        @Bindable(defaultValue = "2") @Min(0) @Max(100) int loops,
        @Bindable(defaultValue = "24h") @NotNull Duration moderateWindow,
        @Bindable(defaultValue = "3") @Min(1) @Max(1000) int moderateThreshold,
        @Bindable(defaultValue = "250ms") @NotNull Duration pollInterval,
        @Bindable(defaultValue = "") String linkTemplate,
        @Bindable(defaultValue = "5") @Min(0) @Max(50) int historyLimit,
        @NotNull @Valid Delivery delivery) {

    public EscalationConfig {
        requirePositive(ackTimeout, "review.escalation.ack-timeout");
        requirePositive(moderateWindow, "review.escalation.moderate-window");
        requirePositive(pollInterval, "review.escalation.poll-interval");
        linkTemplate = linkTemplate == null ? "" : linkTemplate.trim();
    }

    /**
     * Delivery of notifications: each target's message is its own job with bounded retries and
     * exponential backoff with jitter.
     *
     * @param maxAttempts attempts per message before it counts as failed
     * @param initialBackoff the wait after the first failure (doubling, with jitter)
     * @param maxBackoff the longest wait between attempts
     * @param timeout the HTTP timeout of one attempt
     * @param lease how long an instance holds a message it is sending before another may take it
     * @param threads concurrent sends per instance
     */
    @ConfigurationProperties("delivery")
    public record Delivery(
            @Bindable(defaultValue = "6") @Min(1) @Max(100) int maxAttempts,
            @Bindable(defaultValue = "1s") @NotNull Duration initialBackoff,
            @Bindable(defaultValue = "1m") @NotNull Duration maxBackoff,
            @Bindable(defaultValue = "5s") @NotNull Duration timeout,
            @Bindable(defaultValue = "30s") @NotNull Duration lease,
            @Bindable(defaultValue = "4") @Min(1) @Max(64) int threads) {
        public Delivery {
            requirePositive(initialBackoff, "review.escalation.delivery.initial-backoff");
            requirePositive(maxBackoff, "review.escalation.delivery.max-backoff");
            requirePositive(timeout, "review.escalation.delivery.timeout");
            requirePositive(lease, "review.escalation.delivery.lease");
            if (lease != null && timeout != null && lease.compareTo(timeout.multipliedBy(2)) < 0) {
                throw new IllegalArgumentException(
                        "review.escalation.delivery.lease must be at least twice the delivery timeout");
            }
        }
    }

    private static void requirePositive(Duration value, String property) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(property + " must be positive");
        }
    }
}
