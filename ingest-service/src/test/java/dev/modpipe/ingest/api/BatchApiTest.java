package dev.modpipe.ingest.api;

import static dev.modpipe.ingest.support.ProblemAssert.assertProblem;
import static dev.modpipe.ingest.support.TestPlatforms.CALMSPACE;
import static dev.modpipe.ingest.support.TestPlatforms.CALMSPACE_KEY;
import static dev.modpipe.ingest.support.TestPlatforms.PSEUDONYM_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modpipe.ingest.support.Http;
import dev.modpipe.ingest.support.Http.Reply;
import dev.modpipe.ingest.support.Infra;
import dev.modpipe.ingest.support.Pseudonyms;
import dev.modpipe.ingest.support.ServiceTest;
import dev.modpipe.model.EventType;
import dev.modpipe.model.PostEvent;
import dev.modpipe.model.PostKey;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/posts/batch}: per-item results, valid posts accepted beside rejected ones. */
@MicronautTest
class BatchApiTest extends ServiceTest {
    BatchApiTest() {
        super("batch");
    }

    private static String item(String postId, String author, String body) {
        return "{\"postId\":\"%s\",\"authorId\":\"%s\",\"body\":\"%s\"}".formatted(postId, author, body);
    }

    @Test
    void shouldAcceptTheValidPostsOfABatchAndRejectTheOthersNamingTheirFields() {
        // Given a batch with two valid posts between invalid ones
        String first = Infra.uniquePostId();
        String second = Infra.uniquePostId();
        String batch = "{\"posts\":["
                + String.join(
                        ",",
                        item(first, "user-1", "first"),
                        "{\"postId\":\"p-nobody\",\"authorId\":\"u\"}",
                        "42",
                        "{\"postId\":\"p-typed\",\"revision\":\"two\",\"authorId\":\"u\",\"body\":\"x\"}",
                        "{\"platform\":\"mindful\",\"postId\":\"p-other\",\"authorId\":\"u\",\"body\":\"x\"}",
                        item(second, "user-2", "second"))
                + "]}";

        // When the platform submits it
        Reply reply = http.post("/v1/posts/batch", CALMSPACE_KEY, batch);

        // Then every post has its result, in order
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json())
                .isEqualTo(Http.json(
                        """
                        {"results":[
                          {"index":0,"postId":"%s","revision":1,"status":"ACCEPTED"},
                          {"index":1,"postId":"p-nobody","status":"REJECTED","error":"posts[1].body is required"},
                          {"index":2,"status":"REJECTED","error":"posts[2] must be a JSON object"},
                          {"index":3,"postId":"p-typed","status":"REJECTED","error":"posts[3].revision must be an integer"},
                          {"index":4,"postId":"p-other","status":"REJECTED","error":"posts[4].platform 'mindful' is not the platform of this API key ('calmspace'); leave it out or send it with that platform's key"},
                          {"index":5,"postId":"%s","revision":1,"status":"ACCEPTED"}
                        ]}"""
                                .formatted(first, second)));

        // And exactly the two valid posts are on the topic, each a whole contract event
        List<PostEvent> firstEvents = topic().eventsFor(PostKey.of(CALMSPACE, first));
        assertThat(firstEvents).hasSize(1);
        PostEvent event = firstEvents.get(0);
        assertThat(event)
                .isEqualTo(new PostEvent(
                        1,
                        EventType.CREATED,
                        CALMSPACE,
                        first,
                        1,
                        null,
                        Pseudonyms.expected(PSEUDONYM_KEY, CALMSPACE, "user-1"),
                        null,
                        "first",
                        null,
                        null,
                        event.receivedAt()));
        assertThat(topic().eventsFor(PostKey.of(CALMSPACE, second))).hasSize(1);
        assertThat(topic().readToEnd())
                .extracting(r -> r.key())
                .doesNotContain("calmspace:p-nobody", "calmspace:p-typed", "calmspace:p-other", "mindful:p-other");
    }

    @Test
    void shouldAnswerDuplicateForPostsAcceptedBeforeAndForRepeatsWithinTheBatch() {
        String old = Infra.uniquePostId();
        String fresh = Infra.uniquePostId();
        http.post("/v1/posts", CALMSPACE_KEY, item(old, "u", "x"));

        Reply reply = http.post(
                "/v1/posts/batch",
                CALMSPACE_KEY,
                "{\"posts\":[" + item(old, "u", "x") + "," + item(fresh, "u", "y") + "," + item(fresh, "u", "y")
                        + "]}");

        assertThat(reply.json().get("results").findValuesAsText("status"))
                .containsExactly("DUPLICATE", "ACCEPTED", "DUPLICATE");
        assertThat(topic().recordsFor(PostKey.of(CALMSPACE, old))).hasSize(1);
        assertThat(topic().recordsFor(PostKey.of(CALMSPACE, fresh))).hasSize(1);
    }

    @Test
    void shouldAcceptAFullBatchOfFiveHundred() {
        List<String> ids =
                IntStream.range(0, 500).mapToObj(i -> Infra.uniquePostId()).toList();
        String batch = ids.stream()
                .map(id -> item(id, "author-" + id.hashCode() % 7, "post " + id))
                .collect(Collectors.joining(",", "{\"posts\":[", "]}"));

        Reply reply = http.post("/v1/posts/batch", CALMSPACE_KEY, batch);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("results").findValuesAsText("status"))
                .hasSize(500)
                .containsOnly("ACCEPTED");
        List<String> keys = new ArrayList<>();
        topic().readToEnd().forEach(r -> keys.add(r.key()));
        assertThat(keys)
                .containsAll(ids.stream().map(id -> PostKey.of(CALMSPACE, id)).toList());
    }

    @Test
    void shouldRefuseMoreThanFiveHundredPosts() {
        String batch = IntStream.range(0, 501)
                .mapToObj(i -> item("p-" + i, "u", "x"))
                .collect(Collectors.joining(",", "{\"posts\":[", "]}"));

        assertProblem(
                http.post("/v1/posts/batch", CALMSPACE_KEY, batch), 400, "posts must hold 1 to 500 posts, not 501");
    }

    @Test
    void shouldRefuseABatchThatIsNotABatch() {
        assertProblem(http.post("/v1/posts/batch", CALMSPACE_KEY, "{\"posts\":[]}"), 400, "posts must hold 1 to 500");
        assertProblem(http.post("/v1/posts/batch", CALMSPACE_KEY, "{}"), 400, "posts is required");
        assertProblem(http.post("/v1/posts/batch", CALMSPACE_KEY, "{\"posts\":{}}"), 400, "posts must be an array");
        assertProblem(
                http.post("/v1/posts/batch", CALMSPACE_KEY, "[" + item("p-1", "u", "x") + "]"),
                400,
                "body must be a JSON object");
        assertProblem(
                http.post("/v1/posts/batch", CALMSPACE_KEY, "{\"posts\":[" + item("p-1", "u", "x")), 400, "truncated");
    }

    @Test
    void shouldRejectEveryPostOfABatchOfInvalidPostsWithoutWriting() {
        Reply reply = http.post("/v1/posts/batch", CALMSPACE_KEY, "{\"posts\":[{},{\"postId\":\"p x\"}]}");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode results = reply.json().get("results");
        assertThat(results.findValuesAsText("status")).containsExactly("REJECTED", "REJECTED");
        assertThat(results.get(0).get("error").asText())
                .isEqualTo("posts[0].authorId is required; posts[0].body is required; posts[0].postId is required");
        assertThat(results.get(1).get("error").asText()).contains("posts[1].postId must match");
    }
}
