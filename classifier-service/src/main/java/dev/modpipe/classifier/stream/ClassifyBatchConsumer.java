package dev.modpipe.classifier.stream;

import dev.modpipe.model.EventJson;
import dev.modpipe.model.PostClassified;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * The Spring Cloud Stream consumer {@code classify}, in batch mode: the records of one poll in,
 * each one's {@link PostClassified} (keyed {@code platform:postId}) or dead letter sent
 * asynchronously, then <em>every</em> send of the poll awaited before returning. The listener
 * container commits the poll's offsets only after this method returns normally, so an offset is
 * never committed before its result (or dead letter) is acknowledged by the broker (acks=all):
 * at-least-once, with no per-record round trip. If a send fails, the method throws, nothing of the
 * poll is committed and the container's error handler delivers the poll again (without limit: a
 * post is never dropped; a redelivered post can be classified twice, consumers dedupe by key and
 * revision). Thin: the logic is in {@link PostProcessor}.
 */
public final class ClassifyBatchConsumer implements Consumer<Message<List<byte[]>>> {
    private static final Logger log = LoggerFactory.getLogger(ClassifyBatchConsumer.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

    private final PostProcessor processor;
    private final ResultPublisher publisher;
    private final Timer timer;
    private final Counter classified;
    private final Counter flagged;
    private final Counter degraded;
    private final Counter deadLettered;

    public ClassifyBatchConsumer(PostProcessor processor, ResultPublisher publisher, MeterRegistry meters) {
        this.processor = processor;
        this.publisher = publisher;
        this.timer = Timer.builder("classifier.process")
                .description("time to process one record")
                .register(meters);
        this.classified = meters.counter("classifier.records", "outcome", "classified");
        this.flagged = meters.counter("classifier.records", "outcome", "flagged");
        this.degraded = meters.counter("classifier.records", "outcome", "degraded");
        this.deadLettered = meters.counter("classifier.records", "outcome", "dead_lettered");
    }

    @Override
    public void accept(Message<List<byte[]>> batch) {
        List<byte[]> values = batch.getPayload();
        MessageHeaders headers = batch.getHeaders();
        List<?> keys = list(headers, KafkaHeaders.RECEIVED_KEY);
        List<?> topics = list(headers, KafkaHeaders.RECEIVED_TOPIC);
        List<?> partitions = list(headers, KafkaHeaders.RECEIVED_PARTITION);
        List<?> offsets = list(headers, KafkaHeaders.OFFSET);
        List<Future<RecordMetadata>> sends = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            byte[] value = values.get(i);
            byte[] key = key(at(keys, i));
            String topic = at(topics, i) == null ? null : at(topics, i).toString();
            long start = System.nanoTime();
            PostProcessor.Outcome outcome;
            try {
                outcome = processor.process(value);
            } catch (RuntimeException e) {
                // the engine fails closed by itself; anything still thrown is a defect: the record is
                // kept (dead-lettered, durably) rather than dropped or retried for ever
                outcome = new PostProcessor.Poison(
                        "processing failed: " + e.getClass().getName());
            }
            if (outcome instanceof PostProcessor.Poison poison) {
                sends.add(publisher.sendDeadLetter(topic, key, value, poison.reason()));
                deadLettered.increment();
                log.warn(
                        "dead-lettered a record from {} partition {} offset {}: {}",
                        topic,
                        at(partitions, i),
                        at(offsets, i),
                        poison.reason());
            } else {
                PostClassified event = ((PostProcessor.Classified) outcome).event();
                sends.add(publisher.sendResult(event.key().getBytes(StandardCharsets.UTF_8), EventJson.write(event)));
                classified.increment();
                if (event.flagged()) {
                    flagged.increment();
                }
                if (event.degraded()) {
                    degraded.increment();
                }
            }
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
        awaitAll(sends);
    }

    /** Waits for every acknowledgement; throws (so that nothing is committed) if one fails. */
    private static void awaitAll(List<Future<RecordMetadata>> sends) {
        long deadline = System.nanoTime() + SEND_TIMEOUT.toNanos();
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(
                        "interrupted while waiting for the poll's results to be acknowledged", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException(
                        "a result of the poll was not acknowledged; the poll is redelivered", e);
            }
        }
    }

    private static List<?> list(MessageHeaders headers, String name) {
        return headers.get(name) instanceof List<?> l ? l : List.of();
    }

    private static Object at(List<?> list, int i) {
        return i < list.size() ? list.get(i) : null;
    }

    private static byte[] key(Object key) {
        if (key instanceof byte[] bytes) {
            return bytes;
        }
        return key == null ? null : key.toString().getBytes(StandardCharsets.UTF_8);
    }
}
