package dev.modpipe.review.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * The consumer of {@code moderation.classified.v1}.
 *
 * @param groupId the Kafka consumer group
 * @param maxAttempts how often a record that fails for a reason other than an unavailable Redis or
 *     Kafka is retried before it is dead-lettered (infrastructure failures are retried without
 *     limit: the offset is not committed until Redis has the item)
 */
@ConfigurationProperties("review.intake")
public record IntakeConfig(
        @Bindable(defaultValue = "review-service") @NotBlank String groupId,
        @Bindable(defaultValue = "5") @Min(1) @Max(1000) int maxAttempts) {}
