package dev.modpipe.classifier.stream;

import dev.modpipe.classifier.config.ClassifierProperties;
import dev.modpipe.classifier.engine.ClassificationEngine;
import dev.modpipe.classifier.engine.FeatureExtractor;
import dev.modpipe.classifier.model.ModelBundle;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the engine (models loaded once) and the {@code classify} function. */
@Configuration(proxyBeanMethods = false)
public class StreamConfiguration {
    private static final Logger log = LoggerFactory.getLogger(StreamConfiguration.class);

    @Bean
    ClassificationEngine classificationEngine(ClassifierProperties properties) {
        ModelBundle models = properties.modelDir() == null
                ? ModelBundle.fromClasspath()
                : ModelBundle.load(Path.of(properties.modelDir()));
        ClassificationEngine engine =
                new ClassificationEngine(FeatureExtractor.fromClasspath(), models, properties.engineSettings());
        log.info("classifier models loaded, version {}", engine.modelVersion());
        return engine;
    }

    @Bean
    PostProcessor postProcessor(ClassificationEngine engine, ClassifierProperties properties) {
        return new PostProcessor(engine, properties.maxMessageBytes(), Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    DeadLetterPublisher deadLetterPublisher(
            ClassifierProperties properties, @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
        return new DeadLetterPublisher(brokers, properties.topics().postsDlq());
    }

    @Bean
    ClassifyFunction classify(PostProcessor processor, DeadLetterPublisher deadLetters, MeterRegistry meters) {
        return new ClassifyFunction(processor, deadLetters, meters);
    }
}
