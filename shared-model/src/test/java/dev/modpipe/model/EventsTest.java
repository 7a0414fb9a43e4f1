package dev.modpipe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventsTest {

    @Test
    void shouldKeyEveryPostEventByPlatformAndPostId() {
        PostEvent post =
                new PostEvent(1, EventType.CREATED, "calmspace", "p-1", 1, null, "a1", null, "hello", null, null, null);

        assertThat(post.key()).isEqualTo("calmspace:p-1");
        assertThat(PostKey.platformOf(post.key())).isEqualTo("calmspace");
        assertThat(PostKey.postIdOf("calmspace:p:1")).isEqualTo("p:1");
    }

    @Test
    void shouldOmitAbsentOptionalFieldsAndWriteIsoTimestamps() {
        PostEvent post = new PostEvent(
                1,
                EventType.CREATED,
                "calmspace",
                "p-1",
                1,
                null,
                "a1",
                null,
                "hello",
                null,
                Instant.parse("2026-11-21T10:00:00Z"),
                null);

        String json = EventJson.writeString(post);

        assertThat(json)
                .isEqualTo(
                        "{\"schemaVersion\":1,\"type\":\"CREATED\",\"platform\":\"calmspace\",\"postId\":\"p-1\","
                                + "\"revision\":1,\"authorId\":\"a1\",\"body\":\"hello\",\"createdAt\":\"2026-11-21T10:00:00Z\"}");
    }

    @Test
    void shouldNameTheFieldWhenJsonIsNotAnEvent() {
        assertThatThrownBy(
                        () -> EventJson.read("{\"schemaVersion\":1,".getBytes(StandardCharsets.UTF_8), PostEvent.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("value is not valid JSON");
        assertThatThrownBy(() -> EventJson.read("[1,2]".getBytes(StandardCharsets.UTF_8), PostEvent.class))
                .isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventJson.read(new byte[0], PostEvent.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("value is empty");
    }

    @Test
    void shouldRefuseDeeplyNestedJsonBeforeBindingIt() {
        String nested = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);

        assertThatThrownBy(() -> EventJson.read(nested.getBytes(StandardCharsets.UTF_8), PostEvent.class))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void shouldPassDeletedPostsThroughTheClassifierUnflagged() {
        PostEvent deleted =
                new PostEvent(1, EventType.DELETED, "calmspace", "p-1", 3, null, null, null, null, null, null, null);

        PostClassified verdict = PostClassified.deleted(deleted, "m1", Instant.EPOCH);

        assertThat(verdict.type()).isEqualTo(EventType.DELETED);
        assertThat(verdict.flagged()).isFalse();
        assertThat(verdict.key()).isEqualTo("calmspace:p-1");
    }

    @Test
    void shouldReadClassificationsFromWritersThatPredateTheTypeField() {
        PostClassified verdict = verdictWith(Map.of(Category.SELF_HARM, 0.9), Map.of("self_harm/ideation", 0.8));

        assertThat(verdict.type()).isEqualTo(EventType.CREATED);
        assertThat(verdict.score(Category.HARMFUL)).isZero();
    }

    @Test
    void shouldWriteTheSameClassificationAsTheSameBytesWhateverTheMapOrder() {
        Map<String, Double> forward = new java.util.LinkedHashMap<>();
        Map<String, Double> backward = new java.util.LinkedHashMap<>();
        String[] keys = {"harmful/hate", "harmful/scam", "misinformation/health", "self_harm/ideation"};
        for (int i = 0; i < keys.length; i++) {
            forward.put(keys[i], i / 10.0);
            backward.put(keys[keys.length - 1 - i], (keys.length - 1 - i) / 10.0);
        }
        Map<Category, Double> scores = new java.util.EnumMap<>(Category.class);
        scores.put(Category.SELF_HARM, 0.9);
        scores.put(Category.HARMFUL, 0.1);
        String a = new String(EventJson.write(verdictWith(scores, forward)), java.nio.charset.StandardCharsets.UTF_8);
        String b = new String(EventJson.write(verdictWith(scores, backward)), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(a).isEqualTo(b);
        assertThat(a.indexOf("harmful/hate")).isLessThan(a.indexOf("self_harm/ideation"));
        assertThat(a.indexOf("\"HARMFUL\"")).isLessThan(a.indexOf("\"SELF_HARM\""));
    }

    /** A MODERATE self-harm verdict from a writer that predates the type field (type absent). */
    private static PostClassified verdictWith(Map<Category, Double> scores, Map<String, Double> subcategories) {
        return new PostClassified(
                1,
                null,
                "calmspace",
                "p-1",
                1,
                null,
                null,
                "en",
                "m1",
                Instant.EPOCH,
                null,
                scores,
                subcategories,
                RiskLevel.MODERATE,
                List.of(Category.SELF_HARM),
                true,
                List.of(),
                false,
                null);
    }

    @Test
    void shouldCatalogueEveryTopicWithASingleWriter() {
        assertThat(Topics.ALL)
                .extracting(Topic::defaultName)
                .containsExactly(
                        "moderation.posts.v1",
                        "moderation.posts.v1.dlq",
                        "moderation.classified.v1",
                        "moderation.classified.v1.dlq",
                        "moderation.decisions.v1",
                        "moderation.alerts.v1");
        assertThat(Topics.ALL).allSatisfy(t -> assertThat(t.writer()).endsWith("-service"));
    }
}
