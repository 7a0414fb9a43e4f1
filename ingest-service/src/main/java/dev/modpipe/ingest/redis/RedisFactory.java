package dev.modpipe.ingest.redis;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPooled;

/** The one pooled Redis client of the service. */
@Factory
public class RedisFactory {

    @Singleton
    @Bean(preDestroy = "close")
    public JedisPooled jedis(RedisProperties properties) {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(properties.poolSize());
        pool.setMaxIdle(properties.poolSize());
        pool.setMinIdle(0);
        pool.setMaxWait(properties.poolWait());
        pool.setBlockWhenExhausted(true);
        // after a Redis restart or failover, pooled connections are dead: check each one on borrow,
        // so the first requests after recovery are not answered 503 for a stale socket
        pool.setTestOnBorrow(true);
        pool.setJmxEnabled(false);
        int timeout = (int) properties.timeout().toMillis();
        return new JedisPooled(pool, properties.uri(), timeout, timeout);
    }
}
