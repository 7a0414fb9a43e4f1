package dev.modpipe.classifier.stream;

import dev.modpipe.model.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The processor's one producer, for results and dead letters: acks=all, idempotent, lz4, a short
 * linger so that a poll's results travel in a few batches. Sends are asynchronous; the caller
 * ({@link ClassifyBatchConsumer}) waits for every acknowledgement of a poll before the consumer
 * may commit its offsets. Thread-safe (a {@link KafkaProducer} is).
 */
public final class ResultPublisher implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final String classifiedTopic;
    private final String deadLetterTopic;

    public ResultPublisher(String bootstrapServers, String classifiedTopic, String deadLetterTopic) {
        this.classifiedTopic = classifiedTopic;
        this.deadLetterTopic = deadLetterTopic;
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "classifier-service-" + Integer.toHexString(hashCode()));
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public String classifiedTopic() {
        return classifiedTopic;
    }

    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    /** Sends a result under its key; the future completes when the broker has it (acks=all). */
    public Future<RecordMetadata> sendResult(byte[] key, byte[] value) {
        return producer.send(new ProducerRecord<>(classifiedTopic, key, value));
    }

    /**
     * Sends a poison record to the dead-letter topic with its original key and bytes and exactly the
     * contract's headers {@code x-original-topic} and {@code x-exception-message} (a reason naming
     * the problem, never the post's text).
     */
    public Future<RecordMetadata> sendDeadLetter(String originalTopic, byte[] key, byte[] value, String reason) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(deadLetterTopic, key, value);
        record.headers().add(DeadLetterHeaders.ORIGINAL_TOPIC, bytes(originalTopic == null ? "" : originalTopic));
        record.headers().add(DeadLetterHeaders.EXCEPTION_MESSAGE, bytes(reason));
        return producer.send(record);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
