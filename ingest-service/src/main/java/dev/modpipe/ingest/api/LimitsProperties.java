package dev.modpipe.ingest.api;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Request limits of the API, bound from {@code ingest.limits.*}. The largest body of any request
 * (a batch) is {@code micronaut.server.max-request-size}; larger bodies get a 413.
 *
 * @param maxPostBytes the largest body of a single post (POST or PUT); larger ones get a 413
 * @param maxBatchPosts the most posts in one batch (the contract's 500 at most)
 */
@ConfigurationProperties("ingest.limits")
public record LimitsProperties(
        @Bindable(defaultValue = "262144") @Min(1024) int maxPostBytes,
        @Bindable(defaultValue = "500") @Min(1) @Max(500) int maxBatchPosts) {}
