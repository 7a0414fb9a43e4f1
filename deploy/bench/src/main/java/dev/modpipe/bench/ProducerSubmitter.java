package dev.modpipe.bench;

import dev.modpipe.model.EventJson;
import dev.modpipe.model.PostEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes each post straight to a topic with a Kafka producer of its own (acks=all, idempotent),
 * as JSON keyed {@code platform:postId}. A post counts as accepted when the broker acknowledged it.
 * A subclass says what a post is on its topic.
 */
abstract class ProducerSubmitter implements Submitter {
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final String platform;

    /** {@code settings} adds to, or overrides, the producer settings above. */
    ProducerSubmitter(String bootstrapServers, String topic, String platform, Map<String, Object> settings) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.putAll(settings);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.platform = platform;
    }

    /** What the post, submitted by the platform as {@code event} at {@code now}, is on the topic. */
    abstract Object value(PostMix.Post post, PostEvent event, Instant now);

    @Override
    public CompletableFuture<Void> submit(RunLog run, int from, int count, long dueNanos) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (count == 0) {
            done.complete(null);
            return done;
        }
        AtomicInteger open = new AtomicInteger(count);
        Instant now = Instant.now();
        for (int k = 0; k < count; k++) {
            int index = from + k;
            PostMix.Post post = run.take(index, dueNanos);
            PostEvent event = post.event(platform, now);
            byte[] value = EventJson.write(value(post, event, now));
            producer.send(new ProducerRecord<>(topic, event.key(), value), (metadata, error) -> {
                if (error == null) {
                    run.accepted(index, System.nanoTime());
                } else {
                    run.failed(index);
                }
                if (open.decrementAndGet() == 0) {
                    done.complete(null);
                }
            });
        }
        return done;
    }

    @Override
    public int postsPerCall() {
        return 1;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
