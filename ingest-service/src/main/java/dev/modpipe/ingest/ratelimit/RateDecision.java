package dev.modpipe.ingest.ratelimit;

import java.time.Duration;

/**
 * The answer of a {@link RateLimiter}.
 *
 * @param allowed whether the posts may go ahead (their tokens are spent)
 * @param retryAfter when not allowed, how long until enough tokens have flowed back
 */
public record RateDecision(boolean allowed, Duration retryAfter) {
    public static final RateDecision ALLOWED = new RateDecision(true, Duration.ZERO);

    public static RateDecision denied(Duration retryAfter) {
        return new RateDecision(false, retryAfter);
    }
}
