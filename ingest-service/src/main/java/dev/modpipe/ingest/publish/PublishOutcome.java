package dev.modpipe.ingest.publish;

import io.micronaut.core.annotation.Nullable;

/**
 * Whether one event was written: {@code failure} is null when Kafka acknowledged it.
 *
 * @param partition the partition written to, or -1
 * @param offset the offset written at, or -1
 * @param failure why the write failed or was not acknowledged in time
 */
public record PublishOutcome(int partition, long offset, @Nullable Exception failure) {

    public static PublishOutcome failed(Exception failure) {
        return new PublishOutcome(-1, -1, failure);
    }

    public boolean acknowledged() {
        return failure == null;
    }
}
