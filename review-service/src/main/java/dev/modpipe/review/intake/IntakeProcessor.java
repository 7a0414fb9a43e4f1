package dev.modpipe.review.intake;

import dev.modpipe.model.DeadLetterHeaders;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.EventType;
import dev.modpipe.model.InvalidEventException;
import dev.modpipe.model.PostClassified;
import dev.modpipe.model.RiskLevel;
import dev.modpipe.review.config.IntakeConfig;
import dev.modpipe.review.config.TopicsConfig;
import dev.modpipe.review.escalation.EscalationService;
import dev.modpipe.review.kafka.EventPublisher;
import dev.modpipe.review.kafka.PublishFailedException;
import dev.modpipe.review.queue.ItemIds;
import dev.modpipe.review.queue.ItemUpdate;
import dev.modpipe.review.queue.PostState;
import dev.modpipe.review.queue.ReviewQueue;
import dev.modpipe.review.queue.UpsertOutcome;
import dev.modpipe.review.queue.UpsertResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Applies one record of {@code moderation.classified.v1}: crisis alert, then the queue. A record that cannot be read
 * is dead-lettered (original bytes, {@link DeadLetterHeaders}) and counted, never retried; Redis or
 * Kafka being down throws {@link IntakeUnavailableException} so the record is retried; any other
 * failure is retried {@code review.intake.max-attempts} times, then dead-lettered. Logs never carry
 * post text or author ids. Thread-safe.
 */
@Singleton
public class IntakeProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(IntakeProcessor.class);

    private final ReviewQueue queue;
    private final EscalationService escalation;
    private final EventPublisher publisher;
    private final TopicsConfig topics;
    private final IntakeConfig config;
    private final MeterRegistry registry;
    private final Map<UpsertOutcome, Counter> outcomes = new EnumMap<>(UpsertOutcome.class);
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    public IntakeProcessor(
            ReviewQueue queue,
            EscalationService escalation,
            EventPublisher publisher,
            TopicsConfig topics,
            IntakeConfig config,
            MeterRegistry registry) {
        this.queue = queue;
        this.escalation = escalation;
        this.publisher = publisher;
        this.topics = topics;
        this.config = config;
        this.registry = registry;
        for (UpsertOutcome outcome : UpsertOutcome.values()) {
            outcomes.put(
                    outcome,
                    Counter.builder("review.intake.records")
                            .description("Verdicts applied to the queue, by outcome")
                            .tag("outcome", outcome.name())
                            .register(registry));
        }
    }

    public void process(ConsumerRecord<String, byte[]> record) {
        PostClassified verdict;
        try {
            verdict = EventJson.read(record.value(), PostClassified.class);
        } catch (InvalidEventException e) {
            deadLetter(record, "invalid", e.getMessage());
            return;
        }
        if (record.key() != null && !record.key().equals(verdict.key())) {
            registry.counter("review.intake.key.mismatch").increment();
            LOG.warn(
                    "record at {}-{}@{} is keyed differently from its post {}; applying it anyway",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    verdict.key());
        }
        String position = record.topic() + "-" + record.partition() + "@" + record.offset();
        try {
            apply(verdict);
            failures.remove(position);
        } catch (JedisException | PublishFailedException | KafkaException e) {
            LOG.warn(
                    "cannot apply the verdict of {} at {} ({}); retrying, offset not committed",
                    verdict.key(),
                    position,
                    e.getClass().getSimpleName());
            throw new IntakeUnavailableException(e);
        } catch (RuntimeException e) {
            int attempts = failures.merge(position, 1, Integer::sum);
            if (attempts >= config.maxAttempts()) {
                failures.remove(position);
                LOG.error(
                        "giving up on the verdict of {} at {} after {} attempts", verdict.key(), position, attempts, e);
                deadLetter(record, "failed", e.getClass().getSimpleName());
                return;
            }
            LOG.warn(
                    "the verdict of {} at {} failed (attempt {}): {}",
                    verdict.key(),
                    position,
                    attempts,
                    e.getClass().getSimpleName());
            throw e;
        }
    }

    /**
     * Applies a verdict: a crisis alert first (on-call staff are notified before any moderator
     * sees the item), then the queue; a deletion closes the item and cancels the post's alerts.
     * Every step is idempotent, so a redelivery after a crash in between completes the work.
     */
    void apply(PostClassified verdict) {
        PostState state = queue.postState(verdict.key());
        String itemId = state.openItemId() != null
                ? state.openItemId()
                : ItemIds.forRevision(verdict.key(), verdict.revision());
        RiskLevel risk = verdict.selfHarmRisk();
        if (verdict.type() != EventType.DELETED && !state.isSettled(verdict.revision())) {
            risk = escalation.effectiveRisk(verdict);
            escalation.openFor(itemId, verdict, risk);
        }
        UpsertResult result = queue.apply(ItemUpdate.of(verdict, itemId, risk));
        if (verdict.type() == EventType.DELETED) {
            escalation.cancelForPost(verdict.key(), "the post was deleted on its platform");
        }
        outcomes.get(result.outcome()).increment();
        LOG.debug("{} revision {}: {} {}", verdict.key(), verdict.revision(), result.outcome(), result.itemId());
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason, String message) {
        LOG.warn(
                "dead-lettering the record at {}-{}@{} to {}: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                topics.classifiedDlq(),
                message);
        byte[] value = record.value() == null ? new byte[0] : record.value();
        publisher.publishRaw(
                topics.classifiedDlq(),
                record.key(),
                value,
                Map.of(
                        DeadLetterHeaders.ORIGINAL_TOPIC,
                        record.topic(),
                        DeadLetterHeaders.EXCEPTION_MESSAGE,
                        message,
                        "x-original-partition",
                        Integer.toString(record.partition()),
                        "x-original-offset",
                        Long.toString(record.offset())));
        registry.counter("review.intake.poison", "reason", reason).increment();
    }
}
