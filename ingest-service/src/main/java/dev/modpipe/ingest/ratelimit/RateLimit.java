package dev.modpipe.ingest.ratelimit;

/**
 * A token bucket: {@code perSecond} posts flow in each second, up to {@code burst} may be spent at
 * once. A single request larger than the burst is let through when the bucket is full, leaving it
 * in debt, so the sustained rate holds and no request is refused forever.
 */
public record RateLimit(int perSecond, int burst) {
    public RateLimit {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
    }
}
