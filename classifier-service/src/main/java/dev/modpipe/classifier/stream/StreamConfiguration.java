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
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

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
    ResultPublisher resultPublisher(
            ClassifierProperties properties, @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
        return new ResultPublisher(
                brokers, properties.topics().classified(), properties.topics().postsDlq());
    }

    @Bean
    ClassifyBatchConsumer classify(PostProcessor processor, ResultPublisher publisher, MeterRegistry meters) {
        return new ClassifyBatchConsumer(processor, publisher, meters);
    }

    /**
     * Offsets are committed after each poll's listener call returns (ack mode BATCH), never for a
     * poll whose call threw: a failed poll is delivered again, without limit, one second apart, so a
     * post is never skipped (the default would give up after 10 attempts and commit past it).
     */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> atLeastOnceContainer() {
        return (container, destination, group) -> {
            container.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
            container.setCommonErrorHandler(
                    new DefaultErrorHandler(new FixedBackOff(1000L, FixedBackOff.UNLIMITED_ATTEMPTS)));
            log.info(
                    "listener container for {} ({}): ack mode BATCH, failed polls retried without limit",
                    destination,
                    group);
        };
    }
}
