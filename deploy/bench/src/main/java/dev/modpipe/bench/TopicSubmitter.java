package dev.modpipe.bench;

import dev.modpipe.model.PostEvent;
import java.time.Instant;
import java.util.Map;

/**
 * Publishes posts straight to a topic, as a platform running its own producer does (contract:
 * {@code PostEvent} JSON keyed {@code platform:postId}, acks=all, pseudonymous author). A post counts
 * as accepted when the broker acknowledged it. The same producer feeds the pass-through baseline.
 */
public final class TopicSubmitter extends ProducerSubmitter {
    public TopicSubmitter(String bootstrapServers, String topic, String platform) {
        super(bootstrapServers, topic, platform, Map.of());
    }

    @Override
    Object value(PostMix.Post post, PostEvent event, Instant now) {
        return event;
    }

    @Override
    public String describe() {
        return "straight to the topic (Kafka producer, acks=all)";
    }
}
