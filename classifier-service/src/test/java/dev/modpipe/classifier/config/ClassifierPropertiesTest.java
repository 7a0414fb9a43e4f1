package dev.modpipe.classifier.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modpipe.model.Category;
import dev.modpipe.model.Topics;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binds the configuration record without starting the service. */
class ClassifierPropertiesTest {
    private static ClassifierProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("classifier", ClassifierProperties.class);
    }

    @Test
    void shouldDefaultTopicsFromTheCatalogueAndThresholdsToTheEngineDefaults() {
        ClassifierProperties p = bind(Map.of());

        assertThat(p.topics().posts()).isEqualTo(Topics.POSTS.defaultName());
        assertThat(p.topics().classified()).isEqualTo(Topics.CLASSIFIED.defaultName());
        assertThat(p.topics().postsDlq()).isEqualTo(Topics.POSTS_DLQ.defaultName());
        assertThat(p.thresholds())
                .containsEntry(Category.HARMFUL, 0.5)
                .containsEntry(Category.SELF_HARM, 0.4)
                .hasSize(3);
        assertThat(p.maxMessageBytes()).isEqualTo(ClassifierProperties.DEFAULT_MAX_MESSAGE_BYTES);
        assertThat(p.engineSettings().imminentFromModel()).isTrue();
    }

    @Test
    void shouldBindPerCategoryThresholdsAndTopicNames() {
        ClassifierProperties p = bind(Map.of(
                "classifier.thresholds.HARMFUL", "0.7",
                "classifier.topics.posts", "other.posts",
                "classifier.topics.posts-dlq", "other.dlq",
                "classifier.self-harm-cue-gate", "0.1",
                "classifier.imminent-from-model", "false"));

        assertThat(p.thresholds()).containsEntry(Category.HARMFUL, 0.7).containsEntry(Category.SELF_HARM, 0.4);
        assertThat(p.topics().posts()).isEqualTo("other.posts");
        assertThat(p.topics().postsDlq()).isEqualTo("other.dlq");
        assertThat(p.engineSettings().selfHarmCueGate()).isEqualTo(0.1);
        assertThat(p.engineSettings().imminentFromModel()).isFalse();
    }

    @Test
    void shouldRejectAThresholdOutsideZeroToOne() {
        ClassifierProperties p = bind(Map.of("classifier.thresholds.SELF_HARM", "1.5"));

        assertThatThrownBy(p::engineSettings)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("thresholds.SELF_HARM");
    }
}
