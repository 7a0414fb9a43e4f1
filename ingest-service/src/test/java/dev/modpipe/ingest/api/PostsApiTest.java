package dev.modpipe.ingest.api;

import static dev.modpipe.ingest.support.ProblemAssert.assertProblem;
import static dev.modpipe.ingest.support.TestPlatforms.CALMSPACE;
import static dev.modpipe.ingest.support.TestPlatforms.CALMSPACE_KEY;
import static dev.modpipe.ingest.support.TestPlatforms.MINDFUL;
import static dev.modpipe.ingest.support.TestPlatforms.MINDFUL_KEY;
import static dev.modpipe.ingest.support.TestPlatforms.PSEUDONYM_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modpipe.ingest.support.Http;
import dev.modpipe.ingest.support.Http.Reply;
import dev.modpipe.ingest.support.Infra;
import dev.modpipe.ingest.support.Pseudonyms;
import dev.modpipe.ingest.support.ServiceTest;
import dev.modpipe.model.EventType;
import dev.modpipe.model.PostEvent;
import dev.modpipe.model.PostKey;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The single-post calls against a real broker and Redis, down to the exact events on the topic. */
@MicronautTest
class PostsApiTest extends ServiceTest {
    PostsApiTest() {
        super("posts-api");
    }

    static String post(String postId, Integer revision, String authorId, String body) {
        return """
                {"postId":"%s",%s"threadId":"t-9","authorId":"%s","title":"Rough week",
                 "body":"%s","language":"en","createdAt":"2026-11-21T10:00:00Z"}
                """
                .formatted(postId, revision == null ? "" : "\"revision\":" + revision + ",", authorId, body);
    }

    @Test
    void shouldAcceptAPostOnlyOnceKafkaHasItAndPublishExactlyTheContractEvent() {
        // Given a new post of calmspace
        String postId = Infra.uniquePostId();
        Instant before = Instant.now().minusMillis(1);

        // When the platform submits it
        Reply reply = http.post("/v1/posts", CALMSPACE_KEY, post(postId, null, "user-42", "I can't sleep again"));

        // Then it is accepted as revision 1
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.json())
                .isEqualTo(Http.json("{\"platform\":\"calmspace\",\"postId\":\"" + postId
                        + "\",\"revision\":1,\"status\":\"ACCEPTED\"}"));

        // And exactly one event is on the topic, keyed platform:postId, with the author pseudonymised
        List<ConsumerRecord<String, byte[]>> records = topic().recordsFor(PostKey.of(CALMSPACE, postId));
        assertThat(records).hasSize(1);
        PostEvent event = topic().eventsFor(PostKey.of(CALMSPACE, postId)).get(0);
        assertThat(event.receivedAt()).isBetween(before, Instant.now());
        assertThat(event)
                .isEqualTo(new PostEvent(
                        1,
                        EventType.CREATED,
                        CALMSPACE,
                        postId,
                        1,
                        "t-9",
                        Pseudonyms.expected(PSEUDONYM_KEY, CALMSPACE, "user-42"),
                        "Rough week",
                        "I can't sleep again",
                        "en",
                        Instant.parse("2026-11-21T10:00:00Z"),
                        event.receivedAt()));
        assertThat(event.authorId()).isNotEqualTo("user-42").doesNotContain("user-42");
    }

    @Test
    void shouldWriteTheRawJsonOfTheContractWithoutTheRawAuthorId() {
        String postId = Infra.uniquePostId();
        http.post("/v1/posts", CALMSPACE_KEY, post(postId, 1, "raw-author-7731", "hello"));

        String json = new String(
                topic().recordsFor(PostKey.of(CALMSPACE, postId)).get(0).value(),
                java.nio.charset.StandardCharsets.UTF_8);

        assertThat(json)
                .contains("\"schemaVersion\":1", "\"type\":\"CREATED\"", "\"receivedAt\":\"")
                .doesNotContain("raw-author-7731");
    }

    @Test
    void shouldGiveAnAuthorTheSamePseudonymOnEveryPostAndAnotherAuthorAnother() {
        String first = Infra.uniquePostId();
        String second = Infra.uniquePostId();
        String other = Infra.uniquePostId();
        http.post("/v1/posts", CALMSPACE_KEY, post(first, 1, "user-1", "a"));
        http.post("/v1/posts", CALMSPACE_KEY, post(second, 1, "user-1", "b"));
        http.post("/v1/posts", CALMSPACE_KEY, post(other, 1, "user-2", "c"));

        String firstAuthor =
                topic().eventsFor(PostKey.of(CALMSPACE, first)).get(0).authorId();
        String secondAuthor =
                topic().eventsFor(PostKey.of(CALMSPACE, second)).get(0).authorId();
        String otherAuthor =
                topic().eventsFor(PostKey.of(CALMSPACE, other)).get(0).authorId();

        assertThat(secondAuthor).isEqualTo(firstAuthor);
        assertThat(otherAuthor).isNotEqualTo(firstAuthor);
        assertThat(firstAuthor).matches("a-[0-9a-f]{32}");
    }

    @Test
    void shouldGiveTheSameRawAuthorIdOnAnotherPlatformAnotherPseudonym() {
        String onCalmspace = Infra.uniquePostId();
        String onMindful = Infra.uniquePostId();
        http.post("/v1/posts", CALMSPACE_KEY, post(onCalmspace, 1, "user-1", "a"));
        http.post("/v1/posts", MINDFUL_KEY, post(onMindful, 1, "user-1", "a"));

        assertThat(topic().eventsFor(PostKey.of(MINDFUL, onMindful)).get(0).authorId())
                .isNotEqualTo(topic().eventsFor(PostKey.of(CALMSPACE, onCalmspace))
                        .get(0)
                        .authorId());
    }

    @Test
    void shouldAnswerDuplicateForTheSameRevisionAndWriteNothingNew() {
        // Given an accepted post
        String postId = Infra.uniquePostId();
        String body = post(postId, 1, "user-42", "same text");
        assertThat(http.post("/v1/posts", CALMSPACE_KEY, body)
                        .json()
                        .get("status")
                        .asText())
                .isEqualTo("ACCEPTED");

        // When the platform submits it again (a retry after a lost answer)
        Reply again = http.post("/v1/posts", CALMSPACE_KEY, body);

        // Then it is answered DUPLICATE and the topic still has one event for it
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(again.json().get("revision").asInt()).isEqualTo(1);
        assertThat(topic().recordsFor(PostKey.of(CALMSPACE, postId))).hasSize(1);
    }

    @Test
    void shouldTreatTheSamePostIdOfAnotherPlatformAsAnotherPost() {
        String postId = Infra.uniquePostId();
        http.post("/v1/posts", CALMSPACE_KEY, post(postId, 1, "u", "x"));

        Reply mindful = http.post("/v1/posts", MINDFUL_KEY, post(postId, 1, "u", "x"));

        assertThat(mindful.json().get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(mindful.json().get("platform").asText()).isEqualTo(MINDFUL);
    }

    @Test
    void shouldPublishAnEditAsAnEditedEventOfTheNewRevision() {
        // Given an accepted post
        String postId = Infra.uniquePostId();
        http.post("/v1/posts", CALMSPACE_KEY, post(postId, 1, "user-42", "first words"));

        // When the platform submits revision 2 of it
        Reply reply = http.put(
                "/v1/posts/" + postId,
                CALMSPACE_KEY,
                """
                {"revision":2,"threadId":"t-9","authorId":"user-42","body":"second words"}""");

        // Then an EDITED event of revision 2 follows the CREATED one on the post's key
        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        assertThat(reply.json().get("revision").asInt()).isEqualTo(2);
        List<PostEvent> events = topic().eventsFor(PostKey.of(CALMSPACE, postId));
        assertThat(events).extracting(PostEvent::type).containsExactly(EventType.CREATED, EventType.EDITED);
        PostEvent edit = events.get(1);
        assertThat(edit)
                .isEqualTo(new PostEvent(
                        1,
                        EventType.EDITED,
                        CALMSPACE,
                        postId,
                        2,
                        "t-9",
                        Pseudonyms.expected(PSEUDONYM_KEY, CALMSPACE, "user-42"),
                        null,
                        "second words",
                        null,
                        null,
                        edit.receivedAt()));

        // And the same edit again is a duplicate
        Reply again = http.put(
                "/v1/posts/" + postId,
                CALMSPACE_KEY,
                """
                {"postId":"%s","revision":2,"authorId":"user-42","body":"second words"}"""
                        .formatted(postId));
        assertThat(again.json().get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(topic().recordsFor(PostKey.of(CALMSPACE, postId))).hasSize(2);
    }

    @Test
    void shouldRefuseAnEditBelowRevisionTwoNamingTheField() {
        String postId = Infra.uniquePostId();

        Reply reply = http.put(
                "/v1/posts/" + postId, CALMSPACE_KEY, """
                {"revision":1,"authorId":"u","body":"x"}""");

        assertProblem(reply, 400, "revision must be at least 2 for an edit");
        assertThat(topic().recordsFor(PostKey.of(CALMSPACE, postId))).isEmpty();
    }

    @Test
    void shouldRefuseAnEditWithoutRevision() {
        Reply reply = http.put(
                "/v1/posts/" + Infra.uniquePostId(), CALMSPACE_KEY, """
                {"authorId":"u","body":"x"}""");

        assertProblem(reply, 400, "revision is required");
    }

    @Test
    void shouldRefuseAnEditWhoseBodyNamesAnotherPost() {
        Reply reply = http.put(
                "/v1/posts/p-1",
                CALMSPACE_KEY,
                """
                {"postId":"p-2","revision":2,"authorId":"u","body":"x"}""");

        assertProblem(reply, 400, "postId in the body differs from the postId of the path");
    }

    @Test
    void shouldPublishADeletionWithTheRevisionOfTheQueryAndNoContent() {
        String postId = Infra.uniquePostId();
        http.post("/v1/posts", CALMSPACE_KEY, post(postId, 1, "user-42", "text"));

        Reply reply = http.delete("/v1/posts/" + postId + "?revision=3", CALMSPACE_KEY);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        assertThat(reply.json().get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(reply.json().get("revision").asInt()).isEqualTo(3);
        List<PostEvent> events = topic().eventsFor(PostKey.of(CALMSPACE, postId));
        PostEvent deleted = events.get(events.size() - 1);
        assertThat(deleted)
                .isEqualTo(new PostEvent(
                        1,
                        EventType.DELETED,
                        CALMSPACE,
                        postId,
                        3,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        deleted.receivedAt()));
        assertThat(deleted.receivedAt()).isNotNull();
    }

    @Test
    void shouldDeleteRevisionOneWhenNoRevisionIsGivenAndAnswerDuplicateTheSecondTime() {
        String postId = Infra.uniquePostId();

        Reply first = http.delete("/v1/posts/" + postId, CALMSPACE_KEY);
        Reply second = http.delete("/v1/posts/" + postId, CALMSPACE_KEY);

        assertThat(first.json().get("revision").asInt()).isEqualTo(1);
        assertThat(first.json().get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(second.json().get("status").asText()).isEqualTo("DUPLICATE");
        assertThat(topic().eventsFor(PostKey.of(CALMSPACE, postId)))
                .extracting(PostEvent::type)
                .containsExactly(EventType.DELETED);
    }

    @Test
    void shouldNotMistakeADeletionForADuplicateOfTheSameRevision() {
        String postId = Infra.uniquePostId();
        http.post("/v1/posts", CALMSPACE_KEY, post(postId, 1, "u", "text"));

        Reply deletion = http.delete("/v1/posts/" + postId + "?revision=1", CALMSPACE_KEY);

        assertThat(deletion.json().get("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void shouldRefuseADeletionWithABadRevisionOrPostId() {
        assertProblem(http.delete("/v1/posts/p-1?revision=abc", CALMSPACE_KEY), 400, "revision must be an integer");
        assertProblem(http.delete("/v1/posts/p-1?revision=0", CALMSPACE_KEY), 400, "revision must be at least 1");
        assertProblem(http.delete("/v1/posts/%24bad", CALMSPACE_KEY), 400, "postId must match");
    }

    @Test
    void shouldRefuseABodyThatClaimsAnotherPlatform() {
        String postId = Infra.uniquePostId();

        Reply reply = http.post(
                "/v1/posts",
                CALMSPACE_KEY,
                """
                {"platform":"mindful","postId":"%s","authorId":"u","body":"x"}"""
                        .formatted(postId));

        assertProblem(reply, 403, "platform 'mindful' is not the platform of this API key ('calmspace')");
        assertThat(topic().recordsFor(PostKey.of(MINDFUL, postId))).isEmpty();
        assertThat(topic().recordsFor(PostKey.of(CALMSPACE, postId))).isEmpty();
    }

    @Test
    void shouldAcceptABodyThatNamesItsOwnPlatform() {
        Reply reply = http.post(
                "/v1/posts",
                CALMSPACE_KEY,
                """
                {"platform":"calmspace","postId":"%s","authorId":"u","body":"x"}"""
                        .formatted(Infra.uniquePostId()));

        assertThat(reply.status()).isEqualTo(202);
    }

    @Test
    void shouldIgnoreUnknownFieldsAndWhatIngestSetsItself() {
        String postId = Infra.uniquePostId();

        Reply reply = http.post(
                "/v1/posts",
                CALMSPACE_KEY,
                """
                {"postId":"%s","authorId":"u","body":"x","type":"DELETED","schemaVersion":9,
                 "receivedAt":"2000-01-01T00:00:00Z","futureField":{"nested":[1,2,3]}}"""
                        .formatted(postId));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
        PostEvent event = topic().eventsFor(PostKey.of(CALMSPACE, postId)).get(0);
        assertThat(event.type()).isEqualTo(EventType.CREATED);
        assertThat(event.schemaVersion()).isEqualTo(1);
        assertThat(event.receivedAt()).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
    }
}
