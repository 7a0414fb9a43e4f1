package dev.modpipe.ingest.support;

import dev.modpipe.infra.SharedInfra;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Properties that point a service under test at real servers, with a topic of its own. */
public final class Infra {
    private Infra() {}

    /** The shared broker and Redis of this JVM, and a new topic (3 partitions) for this test class. */
    public static Map<String, String> shared(String topic) {
        SharedInfra.kafka().createTopics(Map.of(topic, 3));
        return properties(SharedInfra.kafkaBootstrapServers(), SharedInfra.redisUrl(), topic);
    }

    public static Map<String, String> properties(String bootstrapServers, String redisUrl, String topic) {
        Map<String, String> properties = new HashMap<>();
        properties.put("ingest.kafka.bootstrap-servers", bootstrapServers);
        properties.put("ingest.kafka.topic", topic);
        properties.put("ingest.redis.url", redisUrl);
        return properties;
    }

    /** A topic name no other test uses. */
    public static String uniqueTopic(String purpose) {
        return "test." + purpose + "." + UUID.randomUUID();
    }

    /** A post id no other test uses. */
    public static String uniquePostId() {
        return "p-" + UUID.randomUUID();
    }
}
