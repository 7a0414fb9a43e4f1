package dev.modpipe.classifier.stream;

import dev.modpipe.model.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes poison records to the dead-letter topic: the original key and bytes, with exactly the
 * contract's headers {@code x-original-topic} and {@code x-exception-message} (a reason that
 * names the problem, never the post's text). The send waits for the broker's acknowledgement
 * (acks=all, idempotent), so the consumer commits past a poison record only once it is durable.
 * Thread-safe (one shared {@link KafkaProducer}).
 */
public final class DeadLetterPublisher implements AutoCloseable {
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;

    public DeadLetterPublisher(String bootstrapServers, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "classifier-service-dlq",
                        ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                        4 * 1024 * 1024),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    public String topic() {
        return topic;
    }

    /** Publishes and waits for the acknowledgement; throws if the broker does not take it. */
    public void publish(String originalTopic, byte[] key, byte[] value, String reason) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(DeadLetterHeaders.ORIGINAL_TOPIC, bytes(originalTopic == null ? "" : originalTopic));
        record.headers().add(DeadLetterHeaders.EXCEPTION_MESSAGE, bytes(reason));
        try {
            producer.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering a record", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot dead-letter a record to " + topic, e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
