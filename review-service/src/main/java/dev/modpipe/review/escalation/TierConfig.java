package dev.modpipe.review.escalation;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;

/**
 * One tier of the escalation policy, {@code review.escalation.tiers[i]}, in order: who is notified
 * (target names) and how long they have to acknowledge before the next tier is.
 *
 * @param ackTimeout this tier's timeout; {@code review.escalation.ack-timeout} when absent
 */
@EachProperty(value = "review.escalation.tiers", list = true)
public record TierConfig(
        @Parameter Integer index,
        @NotBlank String name,
        @NotEmpty List<String> targets,
        @Nullable Duration ackTimeout) {}
