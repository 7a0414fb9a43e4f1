package dev.modpipe.review.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;

/**
 * Where and how review-service keeps its state in Redis.
 *
 * @param url the {@code redis://} URL ({@code REDIS_URL})
 * @param keyPrefix the prefix of every key this service writes, so several deployments (or tests)
 *     can share one Redis
 * @param timeout connect and socket timeout
 * @param maxConnections the size of the connection pool
 */
@ConfigurationProperties("review.redis")
public record RedisConfig(
        @NotBlank @Pattern(regexp = "rediss?://.+") String url,
        @Bindable(defaultValue = "review:") @NotBlank String keyPrefix,
        @Bindable(defaultValue = "2s") @NotNull Duration timeout,
        @Bindable(defaultValue = "32") @Min(1) int maxConnections) {}
