package dev.modpipe.infra;

/**
 * One Kafka broker and one Redis server per JVM, started on first use and stopped when the JVM
 * exits, for tests that only need the servers to be there. Tests that stop, kill or restart a
 * server start their own {@link KafkaBroker} or {@link RedisServer} instead, so they never disturb
 * other tests. Thread-safe.
 *
 * <p>Set {@code MODPIPE_TEST_KAFKA} (bootstrap servers) or {@code MODPIPE_TEST_REDIS} (a
 * {@code redis://} URL) to use servers that run already.
 */
public final class SharedInfra {
    private static KafkaBroker kafka;
    private static RedisServer redis;

    private SharedInfra() {}

    /** Bootstrap servers of the shared broker. */
    public static synchronized String kafkaBootstrapServers() {
        String external = System.getenv("MODPIPE_TEST_KAFKA");
        if (external != null && !external.isBlank()) {
            return external;
        }
        return kafka().bootstrapServers();
    }

    /** The shared broker (started). */
    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = KafkaBroker.onFreePorts().start();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "shared-kafka-stop"));
        }
        return kafka;
    }

    /** The {@code redis://} URL of the shared Redis server. */
    public static synchronized String redisUrl() {
        String external = System.getenv("MODPIPE_TEST_REDIS");
        if (external != null && !external.isBlank()) {
            return external;
        }
        return redis().url();
    }

    /** The shared Redis server (started). */
    public static synchronized RedisServer redis() {
        if (redis == null) {
            redis = RedisServer.onFreePort().start();
            Runtime.getRuntime().addShutdownHook(new Thread(redis::close, "shared-redis-stop"));
        }
        return redis;
    }
}
