package dev.modpipe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.modpipe.model.EventJson;
import dev.modpipe.model.PostClassified;
import dev.modpipe.model.Topics;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Failure drills: parts of the system die or vanish for a while, and no post is lost. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailureDrillsIT extends PipelineTest {
    @Test
    @Order(1)
    void shouldClassifyEveryAcceptedPostWhenTheClassifierIsKilledAndRestartedMidStream() {
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            if (i == 10) {
                pipeline.classifier.kill();
            }
            if (i == 20) {
                pipeline.classifier.start();
            }
            String postId = Posts.newId("drill-classifier-" + i);
            String body = i % 3 == 0 ? Posts.MODERATE : Posts.BENIGN;
            HttpResponse<String> response = pipeline.submit(Posts.submission(postId, body));
            assertThat(response.statusCode())
                    .as("ingest does not depend on the classifier")
                    .isEqualTo(202);
            accepted.add(postId);
        }

        assertThat(classifiedPostIds(accepted)).containsAll(accepted);
    }

    @Test
    @Order(2)
    void shouldKeepTheQueueWhenRedisRestarts() {
        String postId = Posts.newId("drill-redis");
        assertThat(pipeline.submit(Posts.submission(postId, Posts.MODERATE)).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> queueContains(postId));

        pipeline.redis.stop();
        pipeline.redis.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> queueContains(postId));
    }

    @Test
    @Order(3)
    void shouldAnswer503WhileKafkaIsDownAndLoseNothingItAccepted() {
        List<String> accepted = new ArrayList<>();
        String before = Posts.newId("drill-kafka-before");
        assertThat(pipeline.submit(Posts.submission(before, Posts.BENIGN)).statusCode())
                .isEqualTo(202);
        accepted.add(before);

        pipeline.kafka.stop();
        String during = Posts.newId("drill-kafka-during");
        HttpResponse<String> refused = pipeline.submit(Posts.submission(during, Posts.MODERATE));
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        pipeline.kafka.start();

        // The platform retries as Retry-After tells it; once the broker is back the post is accepted.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    int status = pipeline.submit(Posts.submission(during, Posts.MODERATE))
                            .statusCode();
                    return status == 202;
                });
        accepted.add(during);
        String after = Posts.newId("drill-kafka-after");
        assertThat(pipeline.submit(Posts.submission(after, Posts.BENIGN)).statusCode())
                .isEqualTo(202);
        accepted.add(after);

        assertThat(classifiedPostIds(accepted)).containsAll(accepted);
        await().atMost(Duration.ofSeconds(30)).until(() -> queueContains(during));
    }

    /** Reads the classified topic until every expected post has a verdict (or 90 s pass). */
    private Set<String> classifiedPostIds(List<String> expected) {
        Set<String> classified = new HashSet<>();
        pipeline.readUntil(
                Topics.CLASSIFIED.defaultName(),
                record -> {
                    classified.add(
                            EventJson.read(record.value(), PostClassified.class).postId());
                    return classified.containsAll(expected);
                },
                Duration.ofSeconds(90));
        return classified;
    }

    private boolean queueContains(String postId) {
        HttpResponse<String> response = pipeline.reviewGet("/v1/queue?limit=200", Pipeline.MODERATOR);
        return response.statusCode() == 200 && response.body().contains(postId);
    }
}
