package dev.modpipe.ingest.redis;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Duration;

/**
 * The Redis server that holds duplicate reservations and rate-limit buckets, bound from
 * {@code ingest.redis.*}.
 *
 * @param url {@code redis://[:password@]host:port[/db]} ({@code REDIS_URL}, default
 *     {@code redis://localhost:6379})
 * @param timeout connect and read timeout of one command; a slower Redis counts as down
 * @param poolSize connections shared by all requests
 * @param poolWait how long a request waits for a free connection before Redis counts as down
 */
@ConfigurationProperties("ingest.redis")
public record RedisProperties(
        @NotNull @Pattern(regexp = "rediss?://.+", message = "must be a redis:// or rediss:// URL") String url,
        @Bindable(defaultValue = "1s") @NotNull Duration timeout,
        @Bindable(defaultValue = "32") @Min(1) @Max(1024) int poolSize,
        @Bindable(defaultValue = "1s") @NotNull Duration poolWait) {

    public URI uri() {
        return URI.create(url);
    }

    @Override
    public String toString() {
        // The URL may carry a password.
        return "RedisProperties[url=" + uri().getHost() + ":" + uri().getPort() + ", timeout=" + timeout + "]";
    }
}
