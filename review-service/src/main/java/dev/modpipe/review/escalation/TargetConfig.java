package dev.modpipe.review.escalation;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One notification target, {@code review.escalation.targets.<name>}: a channel and its URL. A
 * target without a URL logs the alert (no post text, no author id) instead of sending it, so a
 * local run without {@code ESCALATION_WEBHOOK_URL} keeps and logs its alerts.
 *
 * @param routingKey the PagerDuty integration key (PAGERDUTY only), a secret from configuration
 */
@EachProperty("review.escalation.targets")
public record TargetConfig(
        @Parameter String name,
        @NotNull Channel channel,
        @Nullable @Pattern(regexp = "(https?://.+)?", message = "must be an http(s) URL") String url,
        @Nullable String routingKey) {

    /** Whether messages are only logged (no URL configured). */
    public boolean logsOnly() {
        return url == null || url.isBlank();
    }
}
