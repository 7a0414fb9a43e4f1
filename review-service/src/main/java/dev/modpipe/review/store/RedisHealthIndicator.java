package dev.modpipe.review.store;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;
import redis.clients.jedis.JedisPooled;

/** {@code /health} reports Redis as DOWN when it does not answer PING. */
@Singleton
public class RedisHealthIndicator extends AbstractHealthIndicator<Map<String, String>> {
    private final JedisPooled jedis;

    public RedisHealthIndicator(JedisPooled jedis) {
        this.jedis = jedis;
    }

    @Override
    protected String getName() {
        return "redis";
    }

    @Override
    protected Map<String, String> getHealthInformation() {
        String pong = jedis.ping();
        healthStatus = "PONG".equals(pong) ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("ping", pong);
    }
}
