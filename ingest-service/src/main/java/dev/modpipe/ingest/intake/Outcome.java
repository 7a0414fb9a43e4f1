package dev.modpipe.ingest.intake;

import io.micronaut.core.annotation.Nullable;

/**
 * What became of one submission in {@link PostIntake}.
 *
 * @param kind what happened
 * @param partition the partition it was written to (ACCEPTED only), else -1
 * @param offset the offset it was written at (ACCEPTED only), else -1
 * @param failure why it was not written (NOT_WRITTEN only)
 */
public record Outcome(Kind kind, int partition, long offset, @Nullable String failure) {

    public enum Kind {
        ACCEPTED,
        DUPLICATE,
        /** Another request is submitting the same post revision right now. */
        IN_PROGRESS,
        /** Kafka did not acknowledge it in time; nothing is kept, a retry will be accepted. */
        NOT_WRITTEN
    }

    public static Outcome accepted(int partition, long offset) {
        return new Outcome(Kind.ACCEPTED, partition, offset, null);
    }

    public static final Outcome DUPLICATE = new Outcome(Kind.DUPLICATE, -1, -1, null);
    public static final Outcome IN_PROGRESS = new Outcome(Kind.IN_PROGRESS, -1, -1, null);

    public static Outcome notWritten(String failure) {
        return new Outcome(Kind.NOT_WRITTEN, -1, -1, failure);
    }
}
