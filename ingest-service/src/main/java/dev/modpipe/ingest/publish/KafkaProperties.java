package dev.modpipe.ingest.publish;

import dev.modpipe.model.Topics;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.naming.conventions.StringConvention;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;

/**
 * The Kafka producer of {@code PostEvent}s, bound from {@code ingest.kafka.*}. Its timeouts bound
 * how long a request waits for Kafka: a post that is not acknowledged within {@link #ackBound()}
 * is answered 503 and not accepted.
 *
 * @param bootstrapServers {@code KAFKA_BOOTSTRAP_SERVERS}, default {@code localhost:9092}
 * @param topic the posts topic, default {@code Topics.POSTS.defaultName()}
 * @param maxBlock how long a send may wait for topic metadata (Kafka's {@code max.block.ms})
 * @param requestTimeout how long the producer waits for one broker answer
 * @param deliveryTimeout how long the producer keeps retrying a record before failing it; at least
 *     {@code linger + requestTimeout}
 * @param linger how long the producer waits to fill a batch (Kafka's {@code linger.ms})
 * @param retryAfter the {@code Retry-After} of a 503 when Kafka (or Redis) is unavailable
 * @param producer further producer properties, as Kafka names them (e.g. {@code security.protocol});
 *     {@code acks}, idempotence and the serializers cannot be overridden
 */
@ConfigurationProperties("ingest.kafka")
public record KafkaProperties(
        @NotBlank String bootstrapServers,
        @Nullable String topic,
        @Bindable(defaultValue = "2s") @NotNull Duration maxBlock,
        @Bindable(defaultValue = "2s") @NotNull Duration requestTimeout,
        @Bindable(defaultValue = "4s") @NotNull Duration deliveryTimeout,
        @Bindable(defaultValue = "2ms") @NotNull Duration linger,
        @Bindable(defaultValue = "5s") @NotNull Duration retryAfter,
        @Nullable @MapFormat(transformation = MapFormat.MapTransformation.FLAT, keyFormat = StringConvention.RAW)
                Map<String, String> producer) {

    public KafkaProperties {
        topic = topic == null || topic.isBlank() ? Topics.POSTS.defaultName() : topic;
        producer = producer == null ? Map.of() : Map.copyOf(producer);
    }

    /**
     * The longest a request waits for an acknowledgement: the delivery timeout (after which the
     * producer has given the record up) plus the time to block on metadata and a second of grace.
     */
    public Duration ackBound() {
        return deliveryTimeout.plus(maxBlock).plusSeconds(1);
    }
}
