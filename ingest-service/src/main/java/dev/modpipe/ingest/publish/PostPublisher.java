package dev.modpipe.ingest.publish;

import dev.modpipe.ingest.observability.IngestMetrics;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.PostEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
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
 * Writes {@link PostEvent}s to the posts topic, keyed {@code platform:postId}, with an idempotent
 * producer and {@code acks=all}, and waits a bounded time for the acknowledgement: a post counts
 * as written only once every in-sync replica has it. Thread-safe (one producer shared by all
 * requests, so concurrent requests share batches).
 */
@Singleton
public final class PostPublisher {
    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Duration ackBound;
    private final IngestMetrics metrics;

    public PostPublisher(KafkaProperties properties, IngestMetrics metrics) {
        this.producer = new KafkaProducer<>(producerConfig(properties));
        this.topic = properties.topic();
        this.ackBound = properties.ackBound();
        this.metrics = metrics;
    }

    /** The producer settings: the caller's extras, then what the contract fixes. */
    static Map<String, Object> producerConfig(KafkaProperties properties) {
        Map<String, Object> config = new HashMap<>(properties.producer());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-service");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis(properties.maxBlock()));
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(properties.requestTimeout()));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis(properties.deliveryTimeout()));
        config.put(ProducerConfig.LINGER_MS_CONFIG, millis(properties.linger()));
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    /**
     * Sends the events and waits, at most {@link KafkaProperties#ackBound()} in all, until Kafka
     * acknowledged or failed each; one outcome per event, in order. Never throws for a Kafka
     * failure: an event that was not acknowledged in time has a failed outcome.
     */
    public List<PublishOutcome> publish(List<PostEvent> events) {
        long deadline = System.nanoTime() + ackBound.toNanos();
        List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
        List<Exception> sendFailures = new ArrayList<>(events.size());
        for (PostEvent event : events) {
            long start = System.nanoTime();
            try {
                sent.add(producer.send(new ProducerRecord<>(topic, event.key(), EventJson.write(event)), (md, e) -> {
                    if (e == null) {
                        metrics.kafkaAck(Duration.ofNanos(System.nanoTime() - start));
                    }
                }));
                sendFailures.add(null);
            } catch (KafkaException | IllegalStateException e) {
                sent.add(null);
                sendFailures.add(e);
            }
        }
        List<PublishOutcome> outcomes = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            outcomes.add(
                    sent.get(i) == null ? PublishOutcome.failed(sendFailures.get(i)) : await(sent.get(i), deadline));
        }
        return outcomes;
    }

    private PublishOutcome await(Future<RecordMetadata> future, long deadline) {
        try {
            RecordMetadata metadata = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return new PublishOutcome(metadata.partition(), metadata.offset(), null);
        } catch (ExecutionException e) {
            return PublishOutcome.failed(e.getCause() instanceof Exception cause ? cause : e);
        } catch (TimeoutException e) {
            return PublishOutcome.failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PublishOutcome.failed(e);
        }
    }

    @PreDestroy
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
