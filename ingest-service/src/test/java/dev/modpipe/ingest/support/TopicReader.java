package dev.modpipe.ingest.support;

import dev.modpipe.model.EventJson;
import dev.modpipe.model.PostEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning to its current end. Since ingest answers 202 only after the
 * broker acknowledged a write, reading to the end right after the answer sees every record that
 * request wrote, and proves that nothing else was written. Not thread-safe.
 */
public final class TopicReader implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(config);
        for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Every record of the topic up to its end now. */
    public List<ConsumerRecord<String, byte[]>> readToEnd() {
        Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(10)));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + partitions + " to " + end);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return List.copyOf(records);
    }

    /**
     * The events on the topic now with the key {@code platform:postId}, in order, each checked
     * against the topic's JSON Schema before it is read.
     */
    public List<PostEvent> eventsFor(String key) {
        return recordsFor(key).stream()
                .peek(r -> ContractSchema.assertPostEvent(r.value()))
                .map(r -> EventJson.read(r.value(), PostEvent.class))
                .toList();
    }

    public List<ConsumerRecord<String, byte[]>> recordsFor(String key) {
        return readToEnd().stream().filter(r -> key.equals(r.key())).toList();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
