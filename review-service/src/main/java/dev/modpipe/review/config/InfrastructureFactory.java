package dev.modpipe.review.config;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.JedisPooled;

/** The clients of the service's infrastructure: one Redis pool, the clock. */
@Factory
public class InfrastructureFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The Redis pool. Connections are tested on borrow, so that after a Redis restart the first
     * command of each pooled connection does not fail.
     */
    @Singleton
    @Bean(preDestroy = "close")
    JedisPooled jedis(RedisConfig config) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(config.maxConnections());
        pool.setMaxIdle(config.maxConnections());
        pool.setTestOnBorrow(true);
        pool.setMaxWait(config.timeout());
        int timeout = (int) config.timeout().toMillis();
        return new JedisPooled(pool, URI.create(config.url()), timeout);
    }
}
