package dev.modpipe.review.decision;

import dev.modpipe.model.EventJson;
import dev.modpipe.model.ModerationAction;
import dev.modpipe.model.ModerationDecision;
import dev.modpipe.review.claims.ClaimStore;
import dev.modpipe.review.config.KafkaPublishConfig;
import dev.modpipe.review.config.TopicsConfig;
import dev.modpipe.review.kafka.EventPublisher;
import dev.modpipe.review.queue.Lane;
import dev.modpipe.review.queue.ReviewItem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Decides an item: checks the caller holds its lease (extending it past the publish timeout),
 * publishes the {@link ModerationDecision} and waits for Kafka's acknowledgement, then closes (or
 * escalates) the item. If Kafka does not acknowledge, nothing is recorded and the caller keeps the
 * claim to retry.
 */
@Singleton
public class DecisionService {
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final ClaimStore claims;
    private final EventPublisher publisher;
    private final TopicsConfig topics;
    private final Duration holdFor;
    private final Clock clock;
    private final Map<ModerationAction, Counter> decisions = new EnumMap<>(ModerationAction.class);
    private final ApplicationEventPublisher<Decided> events;

    public DecisionService(
            ClaimStore claims,
            EventPublisher publisher,
            TopicsConfig topics,
            KafkaPublishConfig kafka,
            Clock clock,
            MeterRegistry registry,
            ApplicationEventPublisher<Decided> events) {
        this.claims = claims;
        this.publisher = publisher;
        this.topics = topics;
        this.holdFor = kafka.publishTimeout().plus(LEASE_MARGIN);
        this.clock = clock;
        this.events = events;
        for (ModerationAction action : ModerationAction.values()) {
            decisions.put(
                    action,
                    Counter.builder("review.decisions")
                            .description("Decisions published, by action")
                            .tag("action", action.name())
                            .register(registry));
        }
    }

    /**
     * A decision that was published and recorded, published as an application event (for example
     * to cancel a crisis alert).
     */
    public record Decided(ReviewItem item, ModerationDecision decision) {}

    /**
     * Publishes and records a decision by the holder of the item's claim.
     *
     * @throws dev.modpipe.review.claims.ClaimConflictException when the caller does not hold a live lease
     * @throws dev.modpipe.review.kafka.PublishFailedException when Kafka did not acknowledge (the
     *     item stays claimed by the caller)
     */
    public ModerationDecision decide(String itemId, String user, DecisionRequest request) {
        ReviewItem item = claims.holdForDecision(itemId, user, holdFor);
        if (request.action() == ModerationAction.ESCALATE && item.lane() == Lane.ESCALATED) {
            throw new InvalidDecisionException(
                    "action", "the item is already escalated; a lead decides APPROVE, REMOVE or SEND_RESOURCES");
        }
        ModerationDecision decision = new ModerationDecision(
                ModerationDecision.CURRENT_SCHEMA_VERSION,
                item.platform(),
                item.postId(),
                item.itemId(),
                request.action(),
                request.reason(),
                user,
                clock.instant(),
                request.labelCorrection());
        publisher.publish(topics.decisions(), decision.key(), decision);
        claims.recordDecision(itemId, user, request.action(), EventJson.writeString(decision));
        decisions.get(request.action()).increment();
        events.publishEvent(new Decided(item, decision));
        return decision;
    }
}
