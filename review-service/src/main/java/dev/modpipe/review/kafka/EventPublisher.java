package dev.modpipe.review.kafka;

import dev.modpipe.model.EventJson;
import dev.modpipe.review.config.KafkaPublishConfig;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The service's one Kafka producer (decisions, alert events, dead letters): acks=all, idempotent,
 * with timeouts bounded by {@link KafkaPublishConfig#publishTimeout()}. Each publish waits until
 * Kafka acknowledged the record, so a caller reports success only for what is durable. Thread-safe.
 */
@Singleton
public class EventPublisher implements AutoCloseable {
    private final Producer<String, byte[]> producer;
    private final Duration timeout;

    public EventPublisher(@Value("${kafka.bootstrap.servers}") String bootstrapServers, KafkaPublishConfig config) {
        this.timeout = config.publishTimeout();
        long requestTimeout = Math.max(1000, timeout.toMillis() / 2);
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG,
                "review-service",
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                0,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) requestTimeout,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                (int) Math.max(timeout.toMillis(), requestTimeout),
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                requestTimeout);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes an event as contract JSON. */
    public RecordMetadata publish(String topic, String key, Object event) {
        return publish(new ProducerRecord<>(topic, key, EventJson.write(event)));
    }

    /** Publishes raw bytes with string headers (dead letters). */
    public RecordMetadata publishRaw(String topic, String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        return publish(record);
    }

    private RecordMetadata publish(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new PublishFailedException(record.topic(), e.getCause());
        } catch (TimeoutException | KafkaException e) {
            throw new PublishFailedException(record.topic(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(record.topic(), e);
        }
    }

    @PreDestroy
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
