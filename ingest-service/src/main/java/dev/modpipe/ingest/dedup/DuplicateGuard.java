package dev.modpipe.ingest.dedup;

import java.util.List;

/**
 * Remembers which submissions were accepted, across every ingest instance, so the same post
 * revision is written to Kafka once. A submission first reserves its key, then either confirms it
 * (after Kafka acknowledged the write) or releases it (the write failed, so a retry is accepted).
 * A reservation that is neither confirmed nor released (a crashed instance) lapses by itself.
 *
 * @throws dev.modpipe.ingest.redis.RedisUnavailableException from every method when the store
 *     cannot be reached
 */
public interface DuplicateGuard {

    /** Tries to reserve each key for the request identified by {@code token}; one answer per key. */
    List<Reservation> reserve(List<DedupKey> keys, String token);

    /** Marks reserved keys as accepted, so resubmissions are DUPLICATE until the memory expires. */
    void confirm(List<DedupKey> keys, String token);

    /** Gives reserved keys up, so a retry of the same submission is accepted. */
    void release(List<DedupKey> keys, String token);
}
