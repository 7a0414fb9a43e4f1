package dev.modpipe.classifier.config;

import dev.modpipe.model.Topics;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults that cannot be literals in {@code application.yml}: topic names from the {@link Topics}
 * catalogue (so that code never spells a topic name) and a consumer concurrency equal to the
 * number of cores. Added with the lowest precedence, so any configuration overrides them.
 */
public class StreamDefaults implements EnvironmentPostProcessor {
    static final String SOURCE = "classifierStreamDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("classifier.topics.posts", Topics.POSTS.defaultName());
        defaults.put("classifier.topics.classified", Topics.CLASSIFIED.defaultName());
        defaults.put("classifier.topics.posts-dlq", Topics.POSTS_DLQ.defaultName());
        defaults.put("classifier.concurrency", Runtime.getRuntime().availableProcessors());
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
    }
}
