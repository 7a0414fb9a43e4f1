package dev.modpipe.classifier.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modpipe.classifier.engine.ClassificationEngine;
import dev.modpipe.classifier.engine.EngineSettings;
import dev.modpipe.classifier.support.TestPosts;
import dev.modpipe.model.Category;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.EventType;
import dev.modpipe.model.PostClassified;
import dev.modpipe.model.PostEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostProcessorTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:05Z");
    private static PostProcessor processor;

    @BeforeAll
    static void load() {
        processor = new PostProcessor(
                ClassificationEngine.fromClasspath(EngineSettings.defaults()), 4096, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static PostEvent post(EventType type, int revision, String body) {
        return TestPosts.post(type, "calmspace", "p-1", revision, body);
    }

    @Test
    void shouldClassifyAPostIntoAWholePostClassified() {
        PostProcessor.Outcome o =
                processor.process(EventJson.write(post(EventType.CREATED, 1, "i'm going to kms tonight")));

        PostClassified c = ((PostProcessor.Classified) o).event();
        assertThat(c.key()).isEqualTo("calmspace:p-1");
        assertThat(c.type()).isEqualTo(EventType.CREATED);
        assertThat(c.flags()).contains(Category.SELF_HARM);
        assertThat(c.classifiedAt()).isEqualTo(NOW);
        assertThat(c.receivedAt()).isEqualTo(Instant.parse("2026-11-21T10:00:01Z"));
        assertThat(c.authorId()).isEqualTo("a-3f9c");
        assertThat(c.language()).isEqualTo("en");
        assertThat(EventJson.read(EventJson.write(c), PostClassified.class)).isEqualTo(c);
    }

    @Test
    void shouldClassifyAnEditAgain() {
        PostClassified c = ((PostProcessor.Classified)
                        processor.process(EventJson.write(post(EventType.EDITED, 2, "i'm fine now, false alarm"))))
                .event();

        assertThat(c.type()).isEqualTo(EventType.EDITED);
        assertThat(c.revision()).isEqualTo(2);
    }

    @Test
    void shouldPassADeletionThrough() {
        PostClassified c = ((PostProcessor.Classified)
                        processor.process(EventJson.write(post(EventType.DELETED, 3, null))))
                .event();

        assertThat(c.type()).isEqualTo(EventType.DELETED);
        assertThat(c.flagged()).isFalse();
        assertThat(c.scores()).isEmpty();
    }

    @Test
    void shouldTellWhyARecordIsPoisonWithoutQuotingIt() {
        assertThat(processor.process("not json at all".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new PostProcessor.Poison("value is not valid JSON"));
        PostProcessor.Poison missingBody = (PostProcessor.Poison) processor.process(
                "{\"schemaVersion\":1,\"type\":\"CREATED\",\"platform\":\"calmspace\",\"postId\":\"p-1\",\"revision\":1,\"authorId\":\"a\"}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(missingBody.reason()).isEqualTo("body is required");
        PostProcessor.Poison big = (PostProcessor.Poison) processor.process(new byte[5000]);
        assertThat(big.reason()).contains("5000 bytes");
    }
}
