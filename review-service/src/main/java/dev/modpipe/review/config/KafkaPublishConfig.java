package dev.modpipe.review.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Publishing to Kafka.
 *
 * @param publishTimeout how long a decision waits for Kafka's acknowledgement (acks=all) before the
 *     moderator gets a 503 and keeps the claim
 */
@ConfigurationProperties("review.kafka")
public record KafkaPublishConfig(@Bindable(defaultValue = "10s") @NotNull Duration publishTimeout) {
    public KafkaPublishConfig {
        Durations.requirePositive(publishTimeout, "review.kafka.publish-timeout");
    }
}
