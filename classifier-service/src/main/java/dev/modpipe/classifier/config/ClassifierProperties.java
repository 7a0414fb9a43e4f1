package dev.modpipe.classifier.config;

import dev.modpipe.classifier.engine.EngineSettings;
import dev.modpipe.model.Category;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * classifier-service's configuration ({@code classifier.*}).
 *
 * @param topics topic names; defaults from the {@link dev.modpipe.model.Topics} catalogue
 * @param thresholds per category, the calibrated score at or above which a post is flagged
 *     (defaults {@link EngineSettings#DEFAULT_THRESHOLDS}: 0.5 for every category)
 * @param selfHarmCueGate the lower score from which an active HIGH-risk self-harm cue flags a post
 * @param highRiskThreshold the risk model's probability of HIGH or IMMINENT that rates a flagged
 *     post at least HIGH
 * @param imminentThreshold the share of IMMINENT within HIGH+IMMINENT that rates it IMMINENT
 * @param imminentFromModel whether the risk model alone, when sure, may rate a post IMMINENT
 *     (which pages on-call staff); default true
 * @param maxMessageBytes larger records are dead-lettered unread
 * @param modelDir a directory of trained models to use instead of the ones in the jar (optional)
 */
@Validated
@ConfigurationProperties("classifier")
public record ClassifierProperties(
        Topics topics,
        Map<Category, Double> thresholds,
        @DecimalMin("0.0") @DecimalMax("1.0") Double selfHarmCueGate,
        @DecimalMin("0.0") @DecimalMax("1.0") Double highRiskThreshold,
        @DecimalMin("0.0") @DecimalMax("1.0") Double imminentThreshold,
        Boolean imminentFromModel,
        @Min(1024) Integer maxMessageBytes,
        String modelDir) {

    public static final int DEFAULT_MAX_MESSAGE_BYTES = 256 * 1024;

    public ClassifierProperties {
        topics = topics == null ? new Topics(null, null, null) : topics;
        Map<Category, Double> t = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            Double v = thresholds == null ? null : thresholds.get(c);
            t.put(c, v == null ? EngineSettings.DEFAULT_THRESHOLDS.get(c) : v);
        }
        thresholds = Map.copyOf(t);
        EngineSettings defaults = EngineSettings.defaults();
        selfHarmCueGate = selfHarmCueGate == null ? defaults.selfHarmCueGate() : selfHarmCueGate;
        highRiskThreshold = highRiskThreshold == null ? defaults.highRiskThreshold() : highRiskThreshold;
        imminentThreshold = imminentThreshold == null ? defaults.imminentThreshold() : imminentThreshold;
        imminentFromModel = imminentFromModel == null ? defaults.imminentFromModel() : imminentFromModel;
        maxMessageBytes = maxMessageBytes == null ? DEFAULT_MAX_MESSAGE_BYTES : maxMessageBytes;
        modelDir = modelDir == null || modelDir.isBlank() ? null : modelDir;
    }

    /** The engine's settings from this configuration (validated there as well). */
    public EngineSettings engineSettings() {
        return new EngineSettings(thresholds, selfHarmCueGate, highRiskThreshold, imminentThreshold, imminentFromModel);
    }

    /**
     * Topic names.
     *
     * @param posts the input, {@code moderation.posts.v1} by default
     * @param classified the output, {@code moderation.classified.v1} by default
     * @param postsDlq poison messages, {@code moderation.posts.v1.dlq} by default
     */
    public record Topics(String posts, String classified, String postsDlq) {
        public Topics {
            posts = posts == null || posts.isBlank() ? dev.modpipe.model.Topics.POSTS.defaultName() : posts;
            classified = classified == null || classified.isBlank()
                    ? dev.modpipe.model.Topics.CLASSIFIED.defaultName()
                    : classified;
            postsDlq = postsDlq == null || postsDlq.isBlank()
                    ? dev.modpipe.model.Topics.POSTS_DLQ.defaultName()
                    : postsDlq;
        }
    }
}
