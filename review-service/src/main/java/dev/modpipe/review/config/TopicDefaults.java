package dev.modpipe.review.config;

import dev.modpipe.model.Topics;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.PropertySource;
import java.util.Map;

/**
 * Makes the shared topic catalogue the lowest-precedence source of the {@code review.topics.*}
 * names, so configuration files and environment variables override them and no topic name is
 * spelled as a literal here.
 */
@ContextConfigurer
public final class TopicDefaults implements ApplicationContextConfigurer {
    static final String PREFIX = "review.topics.";

    /** The defaults, by property name. */
    public static Map<String, Object> properties() {
        return Map.of(
                PREFIX + "classified", Topics.CLASSIFIED.defaultName(),
                PREFIX + "classified-dlq", Topics.CLASSIFIED_DLQ.defaultName(),
                PREFIX + "decisions", Topics.DECISIONS.defaultName(),
                PREFIX + "alerts", Topics.ALERTS.defaultName());
    }

    @Override
    public void configure(ApplicationContextBuilder builder) {
        builder.propertySources(PropertySource.of("review-topic-defaults", properties(), Integer.MIN_VALUE));
    }
}
