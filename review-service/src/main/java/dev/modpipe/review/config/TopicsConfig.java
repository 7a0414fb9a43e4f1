package dev.modpipe.review.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotBlank;

/**
 * The names of the topics review-service reads and writes. Their defaults come from the shared
 * catalogue {@link dev.modpipe.model.Topics} through {@link TopicDefaults}.
 *
 * @param classified where classifier verdicts arrive ({@code PostClassified})
 * @param classifiedDlq where records of {@code classified} that cannot be read are dead-lettered
 * @param decisions where moderators' decisions are published
 * @param alerts where crisis alert transitions are published
 */
@ConfigurationProperties("review.topics")
public record TopicsConfig(
        @NotBlank String classified,
        @NotBlank String classifiedDlq,
        @NotBlank String decisions,
        @NotBlank String alerts) {}
