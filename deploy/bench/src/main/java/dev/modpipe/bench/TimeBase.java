package dev.modpipe.bench;

import java.time.Instant;

/**
 * Converts between this JVM's monotonic clock ({@link System#nanoTime()}), on which the benchmark
 * times everything it sees itself, and wall-clock time, which other processes on the same machine
 * write (the review audit log's {@code at}). Both read the same system clock, so the conversion is
 * exact to the millisecond over a run of minutes.
 */
public record TimeBase(long nanoOrigin, long wallOriginNanos) {

    public static TimeBase now() {
        long before = System.nanoTime();
        Instant wall = Instant.now();
        long after = System.nanoTime();
        return new TimeBase(before + (after - before) / 2, wall.getEpochSecond() * 1_000_000_000L + wall.getNano());
    }

    /** The monotonic time of a wall-clock instant given in epoch milliseconds. */
    public long nanoOfEpochMilli(long epochMilli) {
        return nanoOrigin + (epochMilli * 1_000_000L - wallOriginNanos);
    }

    /** The wall-clock instant of a monotonic time. */
    public Instant instantOf(long nanoTime) {
        long wall = wallOriginNanos + (nanoTime - nanoOrigin);
        return Instant.ofEpochSecond(Math.floorDiv(wall, 1_000_000_000L), Math.floorMod(wall, 1_000_000_000L));
    }
}
