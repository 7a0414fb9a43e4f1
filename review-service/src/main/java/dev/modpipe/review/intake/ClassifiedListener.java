package dev.modpipe.review.intake;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Requires;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Consumes {@code moderation.classified.v1}. The offset of a record is committed (synchronously)
 * only after {@link IntakeProcessor} stored it in Redis or dead-lettered it; when it throws, the
 * consumer seeks back and retries the record after a second, without limit, so nothing is lost
 * while Redis or Kafka is down.
 *
 * <p>{@code review.intake.threads} consumers (default 3, the topic's default partition count) share
 * the instance's partitions: each record waits on Redis and on its offset commit, so one thread
 * spent most of its time waiting (the benchmark's review stage ran at one busy core). Order is kept
 * per partition, so per post; {@link IntakeProcessor} is thread-safe, as it must be for several
 * instances anyway.
 */
@KafkaListener(
        groupId = "${review.intake.group-id}",
        threadsValue = "${review.intake.threads:3}",
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy =
                @ErrorStrategy(
                        value = ErrorStrategyValue.RETRY_ON_ERROR,
                        retryDelay = "1s",
                        retryCount = Integer.MAX_VALUE))
@Requires(property = "review.intake.enabled", notEquals = "false")
public class ClassifiedListener {
    private final IntakeProcessor processor;

    public ClassifiedListener(IntakeProcessor processor) {
        this.processor = processor;
    }

    @Topic("${review.topics.classified}")
    public void receive(ConsumerRecord<String, byte[]> record) {
        processor.process(record);
    }
}
