package dev.modpipe.ingest.redis;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;

/** {@code /health} component {@code redis}: UP when Redis answers PING within the timeout. */
@Singleton
@Readiness
public class RedisHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
    private final JedisPooled jedis;
    private final RedisProperties properties;

    public RedisHealthIndicator(JedisPooled jedis, RedisProperties properties) {
        this.jedis = jedis;
        this.properties = properties;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(
                "server", properties.uri().getHost() + ":" + properties.uri().getPort());
        try {
            long start = System.nanoTime();
            jedis.ping();
            details.put("pingMillis", (System.nanoTime() - start) / 1_000_000);
            healthStatus = HealthStatus.UP;
        } catch (JedisException | IllegalStateException e) {
            details.put("error", e.getClass().getSimpleName());
            healthStatus = HealthStatus.DOWN;
        }
        return details;
    }

    @Override
    protected String getName() {
        return "redis";
    }
}
