package dev.modpipe.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modpipe.infra.SharedInfra;
import dev.modpipe.ingest.support.Http;
import dev.modpipe.ingest.support.Http.Reply;
import dev.modpipe.ingest.support.Infra;
import dev.modpipe.ingest.support.Pseudonyms;
import dev.modpipe.ingest.support.TopicReader;
import dev.modpipe.model.PostEvent;
import dev.modpipe.model.PostKey;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local run: platform demo with key demo-key, against a real broker and Redis. */
class DevEnvironmentTest {

    @Test
    void shouldAcceptAPostOfTheDemoPlatformWithTheDemoKey() {
        String topic = Infra.uniqueTopic("dev");
        Map<String, Object> properties = new HashMap<>(Infra.shared(topic));
        properties.put("micronaut.server.port", -1);
        try (EmbeddedServer server = ApplicationContext.builder()
                        .deduceEnvironment(false)
                        .environments("dev")
                        .properties(properties)
                        .run(EmbeddedServer.class);
                TopicReader reader = new TopicReader(SharedInfra.kafkaBootstrapServers(), topic)) {
            String postId = Infra.uniquePostId();

            Reply reply = new Http(server.getURI())
                    .post(
                            "/v1/posts",
                            "demo-key",
                            "{\"postId\":\"%s\",\"authorId\":\"alice\",\"body\":\"hi\"}".formatted(postId));

            assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
            assertThat(reply.json().get("platform").asText()).isEqualTo("demo");
            PostEvent event = reader.eventsFor(PostKey.of("demo", postId)).get(0);
            assertThat(event.authorId()).isEqualTo(Pseudonyms.expected(DevCredentials.PSEUDONYM_KEY, "demo", "alice"));
        }
    }
}
