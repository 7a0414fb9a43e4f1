package dev.modpipe.classifier.stream;

import dev.modpipe.model.EventJson;
import dev.modpipe.model.PostClassified;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * The Spring Cloud Stream function {@code classify}: a record from the posts topic in, its {@link
 * PostClassified} out, keyed {@code platform:postId} (a plain function would drop the key, so it
 * is set as {@link KafkaHeaders#KEY}). Poison records go to the dead-letter topic and produce no
 * output. Thin: the logic is in {@link PostProcessor}.
 */
public final class ClassifyFunction implements Function<Message<byte[]>, Message<byte[]>> {
    private static final Logger log = LoggerFactory.getLogger(ClassifyFunction.class);

    private final PostProcessor processor;
    private final DeadLetterPublisher deadLetters;
    private final Timer timer;
    private final Counter classified;
    private final Counter flagged;
    private final Counter degraded;
    private final Counter deadLettered;

    public ClassifyFunction(PostProcessor processor, DeadLetterPublisher deadLetters, MeterRegistry meters) {
        this.processor = processor;
        this.deadLetters = deadLetters;
        this.timer = Timer.builder("classifier.process")
                .description("time to process one record")
                .register(meters);
        this.classified = meters.counter("classifier.records", "outcome", "classified");
        this.flagged = meters.counter("classifier.records", "outcome", "flagged");
        this.degraded = meters.counter("classifier.records", "outcome", "degraded");
        this.deadLettered = meters.counter("classifier.records", "outcome", "dead_lettered");
    }

    @Override
    public Message<byte[]> apply(Message<byte[]> message) {
        return timer.record(() -> handle(message));
    }

    private Message<byte[]> handle(Message<byte[]> message) {
        PostProcessor.Outcome outcome = processor.process(message.getPayload());
        if (outcome instanceof PostProcessor.Poison poison) {
            String topic = message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC, String.class);
            deadLetters.publish(topic, key(message), message.getPayload(), poison.reason());
            deadLettered.increment();
            log.warn(
                    "dead-lettered a record from {} partition {} offset {}: {}",
                    topic,
                    message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION),
                    message.getHeaders().get(KafkaHeaders.OFFSET),
                    poison.reason());
            return null;
        }
        PostClassified event = ((PostProcessor.Classified) outcome).event();
        classified.increment();
        if (event.flagged()) {
            flagged.increment();
        }
        if (event.degraded()) {
            degraded.increment();
        }
        return MessageBuilder.withPayload(EventJson.write(event))
                .setHeader(KafkaHeaders.KEY, event.key().getBytes(StandardCharsets.UTF_8))
                .setHeader("contentType", MimeTypeUtils.APPLICATION_JSON_VALUE)
                .build();
    }

    private static byte[] key(Message<byte[]> message) {
        Object key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        if (key instanceof byte[] bytes) {
            return bytes;
        }
        return key == null ? null : key.toString().getBytes(StandardCharsets.UTF_8);
    }
}
