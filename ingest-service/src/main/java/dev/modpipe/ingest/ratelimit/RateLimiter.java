package dev.modpipe.ingest.ratelimit;

/**
 * Per-platform rate limits, shared by every ingest instance.
 *
 * @throws dev.modpipe.ingest.redis.RedisUnavailableException when the shared state cannot be
 *     reached (the caller fails closed)
 */
public interface RateLimiter {

    /** Takes {@code cost} posts from the platform's bucket if it holds that many. */
    RateDecision acquire(String platform, int cost, RateLimit limit);
}
