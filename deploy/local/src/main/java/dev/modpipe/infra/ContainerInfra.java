package dev.modpipe.infra;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Testcontainers variant of the infrastructure, for end-to-end tests on machines with Docker:
 * the same broker and Redis versions as production, from pinned images. Tests using it are
 * annotated {@code @Testcontainers(disabledWithoutDocker = true)} so they skip cleanly elsewhere.
 */
public final class ContainerInfra {
    public static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:3.9.1");
    public static final DockerImageName REDIS_IMAGE = DockerImageName.parse("redis:7.2.5-alpine");

    private ContainerInfra() {}

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static KafkaContainer kafka() {
        return new KafkaContainer(KAFKA_IMAGE);
    }

    public static GenericContainer<?> redis() {
        return new GenericContainer<>(REDIS_IMAGE)
                .withCommand("redis-server", "--appendonly", "yes")
                .withExposedPorts(6379);
    }

    public static String redisUrl(GenericContainer<?> redis) {
        return "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379);
    }
}
