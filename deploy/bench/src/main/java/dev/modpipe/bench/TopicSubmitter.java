package dev.modpipe.bench;

import dev.modpipe.model.EventJson;
import dev.modpipe.model.PostEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes posts straight to a topic, as a platform running its own producer does (contract:
 * {@code PostEvent} JSON keyed {@code platform:postId}, acks=all, pseudonymous author). A post counts
 * as accepted when the broker acknowledged it. The same producer feeds the pass-through baseline.
 */
public final class TopicSubmitter implements Submitter {
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final String platform;

    public TopicSubmitter(String bootstrapServers, String topic, String platform) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.platform = platform;
    }

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
            PostEvent event = run.take(index, dueNanos).event(platform, now);
            producer.send(new ProducerRecord<>(topic, event.key(), EventJson.write(event)), (metadata, error) -> {
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
    public String describe() {
        return "straight to the topic (Kafka producer, acks=all)";
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
