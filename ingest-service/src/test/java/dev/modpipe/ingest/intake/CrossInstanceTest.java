package dev.modpipe.ingest.intake;

import static dev.modpipe.ingest.support.ProblemAssert.assertProblem;
import static dev.modpipe.ingest.support.TestPlatforms.CALMSPACE;
import static dev.modpipe.ingest.support.TestPlatforms.CALMSPACE_KEY;
import static dev.modpipe.ingest.support.TestPlatforms.THROTTLED_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modpipe.infra.SharedInfra;
import dev.modpipe.ingest.auth.ApiKeys;
import dev.modpipe.ingest.support.Http;
import dev.modpipe.ingest.support.Infra;
import dev.modpipe.ingest.support.TopicReader;
import dev.modpipe.model.PostKey;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Two ingest instances sharing Kafka and Redis behave as one: duplicates and rate limits hold. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossInstanceTest {
    private static final String TOPIC = Infra.uniqueTopic("cross-instance");

    private EmbeddedServer first;
    private EmbeddedServer second;
    private Http one;
    private Http two;
    private String sharedPlatformKey;

    @BeforeAll
    void start() {
        Map<String, Object> properties = new HashMap<>(Infra.shared(TOPIC));
        // A platform of its own, so no other test has touched its rate-limit bucket.
        String platform = "shared-" + UUID.randomUUID().toString().substring(0, 8);
        properties.put("ingest.platforms." + platform + ".api-key-sha256", ApiKeys.sha256Hex(THROTTLED_KEY + platform));
        properties.put("ingest.platforms." + platform + ".posts-per-second", "1");
        properties.put("ingest.platforms." + platform + ".burst", "2");
        this.sharedPlatformKey = THROTTLED_KEY + platform;
        first = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        second = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        one = new Http(first.getURI());
        two = new Http(second.getURI());
    }

    @AfterAll
    void stop() {
        first.getApplicationContext().close();
        second.getApplicationContext().close();
    }

    private static String post(String postId) {
        return "{\"postId\":\"%s\",\"authorId\":\"u\",\"body\":\"x\"}".formatted(postId);
    }

    @Test
    void shouldAnswerDuplicateOnOneInstanceForAPostAcceptedByAnother() {
        String postId = Infra.uniquePostId();

        assertThat(one.post("/v1/posts", CALMSPACE_KEY, post(postId))
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("ACCEPTED");
        assertThat(two.post("/v1/posts", CALMSPACE_KEY, post(postId))
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("DUPLICATE");

        try (TopicReader topic = new TopicReader(SharedInfra.kafkaBootstrapServers(), TOPIC)) {
            assertThat(topic.recordsFor(PostKey.of(CALMSPACE, postId))).hasSize(1);
        }
    }

    @Test
    void shouldShareOnePlatformRateLimitBetweenInstances() {
        // Given a platform with bursts of 2 that spent them on the first instance
        assertThat(one.post("/v1/posts", sharedPlatformKey, post(Infra.uniquePostId()))
                        .status())
                .isEqualTo(202);
        assertThat(one.post("/v1/posts", sharedPlatformKey, post(Infra.uniquePostId()))
                        .status())
                .isEqualTo(202);

        // Then the second instance refuses its next post
        assertProblem(two.post("/v1/posts", sharedPlatformKey, post(Infra.uniquePostId())), 429, "posts per second");
    }
}
