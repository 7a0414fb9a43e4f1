package dev.modpipe.review.durability;

import static dev.modpipe.review.support.ReviewApp.LEAD;
import static dev.modpipe.review.support.ReviewApp.MOD_A;
import static dev.modpipe.review.support.ReviewApp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modpipe.infra.KafkaBroker;
import dev.modpipe.infra.SharedInfra;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.ModerationAction;
import dev.modpipe.model.ModerationDecision;
import dev.modpipe.model.PostClassified;
import dev.modpipe.model.Subcategory;
import dev.modpipe.review.support.KafkaTopics;
import dev.modpipe.review.support.ReviewApp;
import dev.modpipe.review.support.Verdicts;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A decision is reported only once Kafka acknowledged it; while Kafka is down none is lost. */
class KafkaOutageTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void shouldAnswer503AndKeepTheClaimWhileKafkaIsDownThenPublishOnRetry() {
        try (KafkaBroker broker = KafkaBroker.onFreePorts().start();
                KafkaTopics kafka = new KafkaTopics(broker.bootstrapServers());
                ReviewApp app =
                        ReviewApp.start(ReviewApp.properties(SharedInfra.redisUrl(), broker.bootstrapServers()))) {
            PostClassified verdict =
                    Verdicts.post("outage").harmful(Subcategory.HARASSMENT).build();
            kafka.send(app.topic("classified"), verdict.key(), verdict);
            await().atMost(WAIT)
                    .until(() -> app.post("/v1/queue/claim", MOD_A, "{}").statusCode() == 200);
            String itemId =
                    json(app.get("/v1/queue/claims", LEAD)).get(0).get("itemId").asText();
            String decision = "{\"action\":\"REMOVE\",\"reason\":\"harassment\"}";

            broker.stop();
            HttpResponse<String> refused = app.post("/v1/items/" + itemId + "/decision", MOD_A, decision);

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).contains("5");
            assertThat(json(refused).get("detail").asText()).contains("stays claimed by you");
            JsonNode stillClaimed = json(app.get("/v1/queue/claims", LEAD)).get(0);
            assertThat(stillClaimed.get("itemId").asText()).isEqualTo(itemId);
            assertThat(stillClaimed.get("holder").asText()).isEqualTo(MOD_A);

            broker.start();
            await().atMost(WAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> app.post("/v1/items/" + itemId + "/decision", MOD_A, decision)
                                    .statusCode()
                            == 200);
            ModerationDecision published = EventJson.read(
                    kafka.await(app.topic("decisions"), r -> verdict.key().equals(r.key()), WAIT)
                            .value(),
                    ModerationDecision.class);
            assertThat(published.itemId()).isEqualTo(itemId);
            assertThat(published.action()).isEqualTo(ModerationAction.REMOVE);
            assertThat(published.moderator()).isEqualTo(MOD_A);
            assertThat(json(app.get("/v1/items/" + itemId, MOD_A))
                            .get("item")
                            .get("state")
                            .asText())
                    .isEqualTo("DECIDED");
        }
    }
}
