package dev.modpipe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modpipe.model.DeadLetterHeaders;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.ModerationAction;
import dev.modpipe.model.ModerationDecision;
import dev.modpipe.model.PostClassified;
import dev.modpipe.model.Topics;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** The whole system through its public interfaces: platforms' HTTP and topics, moderators' API, on-call webhooks. */
class PipelineIT extends PipelineTest {
    @Test
    void shouldPutAnImminentPostAtTheTopOfTheQueueAndAlertOnCall() {
        String postId = Posts.newId("imminent");

        HttpResponse<String> accepted = pipeline.submit(Posts.submission(postId, Posts.IMMINENT));

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(Pipeline.json(accepted).path("status").asText()).isEqualTo("ACCEPTED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(pipeline.webhook.received())
                .anySatisfy(alert -> assertThat(alert.toString()).contains(postId)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode items = queue();
            assertThat(items.size()).isPositive();
            assertThat(items.get(0).path("postId").asText()).isEqualTo(postId);
            assertThat(items.get(0).path("risk").asText()).isEqualTo("IMMINENT");
        });
        JsonNode alerts = Pipeline.json(pipeline.reviewGet("/v1/alerts", Pipeline.ONCALL));
        assertThat(alerts.toString()).contains(postId);
        assertThat(alerts.toString()).doesNotContain("e2e-author-" + postId);
    }

    @Test
    void shouldNeverQueueABenignPostOrAnIdiom() {
        String benign = Posts.newId("benign");
        String idiom = Posts.newId("idiom");

        assertThat(pipeline.submit(Posts.submission(benign, Posts.BENIGN)).statusCode())
                .isEqualTo(202);
        assertThat(pipeline.submit(Posts.submission(idiom, Posts.IDIOM)).statusCode())
                .isEqualTo(202);

        List<PostClassified> verdicts = new ArrayList<>();
        pipeline.readUntil(
                Topics.CLASSIFIED.defaultName(),
                record -> {
                    PostClassified verdict = EventJson.read(record.value(), PostClassified.class);
                    if (verdict.postId().equals(benign) || verdict.postId().equals(idiom)) {
                        verdicts.add(verdict);
                    }
                    return verdicts.size() == 2;
                },
                Duration.ofSeconds(30));
        assertThat(verdicts).hasSize(2).allSatisfy(v -> assertThat(v.flagged()).isFalse());
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() ->
                        assertThat(queue().toString()).doesNotContain(benign).doesNotContain(idiom));
    }

    @Test
    void shouldPublishTheModeratorsDecisionForThePlatform() {
        String postId = Posts.newId("harass");
        assertThat(pipeline.submit(Posts.submission(postId, Posts.HARASSMENT)).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> queue().toString().contains(postId));

        String itemId = claimUntil(postId);
        HttpResponse<String> decided = pipeline.reviewPost(
                "/v1/items/" + itemId + "/decision",
                Pipeline.MODERATOR,
                "{\"action\":\"REMOVE\",\"reason\":\"targeted harassment of another member\"}");

        assertThat(decided.statusCode()).isEqualTo(200);
        List<ConsumerRecord<String, byte[]>> decisions = pipeline.readUntil(
                Topics.DECISIONS.defaultName(), r -> r.key().equals("demo:" + postId), Duration.ofSeconds(20));
        ConsumerRecord<String, byte[]> record = decisions.get(decisions.size() - 1);
        assertThat(record.key()).isEqualTo("demo:" + postId);
        ModerationDecision decision = EventJson.read(record.value(), ModerationDecision.class);
        assertThat(decision.action()).isEqualTo(ModerationAction.REMOVE);
        assertThat(decision.itemId()).isEqualTo(itemId);
        assertThat(decision.moderator()).isEqualTo("mod1");
        assertThat(decision.reason()).isEqualTo("targeted harassment of another member");
        await().atMost(Duration.ofSeconds(10)).until(() -> !queue().toString().contains(postId));
    }

    @Test
    void shouldCloseTheItemWhenThePlatformDeletesThePost() {
        String postId = Posts.newId("deleted");
        assertThat(pipeline.submit(Posts.submission(postId, Posts.MODERATE)).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> queue().toString().contains(postId));

        HttpResponse<String> deleted = pipeline.deletePost(postId, 2);

        assertThat(deleted.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> !queue().toString().contains(postId));
    }

    @Test
    void shouldDeadLetterAPoisonMessageWhileGoodPostsStillFlow() {
        String poisonKey = "demo:" + Posts.newId("poison");
        String good = Posts.newId("after-poison");

        pipeline.publishRaw(poisonKey, "{not json at all".getBytes(StandardCharsets.UTF_8));
        assertThat(pipeline.submit(Posts.submission(good, Posts.MODERATE)).statusCode())
                .isEqualTo(202);

        List<ConsumerRecord<String, byte[]>> dead = pipeline.readUntil(
                Topics.POSTS_DLQ.defaultName(), r -> poisonKey.equals(r.key()), Duration.ofSeconds(30));
        assertThat(dead).isNotEmpty();
        ConsumerRecord<String, byte[]> letter = dead.get(dead.size() - 1);
        assertThat(letter.key()).isEqualTo(poisonKey);
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("{not json at all");
        assertThat(header(letter, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.POSTS.defaultName());
        assertThat(header(letter, DeadLetterHeaders.EXCEPTION_MESSAGE)).isNotBlank();
        await().atMost(Duration.ofSeconds(30)).until(() -> queue().toString().contains(good));
    }

    private JsonNode queue() {
        HttpResponse<String> response = pipeline.reviewGet("/v1/queue?limit=100", Pipeline.MODERATOR);
        assertThat(response.statusCode()).isEqualTo(200);
        return Pipeline.json(response).path("items");
    }

    /** Works the harmful queue as a moderator would until the wanted post is claimed; others are approved. */
    private String claimUntil(String postId) {
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> claimed =
                    pipeline.reviewPost("/v1/queue/claim", Pipeline.MODERATOR, "{\"category\":\"HARMFUL\"}");
            assertThat(claimed.statusCode()).isEqualTo(200);
            JsonNode item = Pipeline.json(claimed);
            String itemId = item.path("itemId").asText();
            if (item.path("postId").asText().equals(postId)) {
                return itemId;
            }
            assertThat(pipeline.reviewPost(
                                    "/v1/items/" + itemId + "/decision",
                                    Pipeline.MODERATOR,
                                    "{\"action\":\"APPROVE\",\"reason\":\"e2e: another test's item\"}")
                            .statusCode())
                    .isEqualTo(200);
        }
        throw new AssertionError("never claimed " + postId);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return StreamSupport.stream(record.headers().headers(name).spliterator(), false)
                .map(Header::value)
                .map(v -> new String(v, StandardCharsets.UTF_8))
                .findFirst()
                .orElse(null);
    }
}
