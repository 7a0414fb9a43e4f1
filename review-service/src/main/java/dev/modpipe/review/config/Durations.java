package dev.modpipe.review.config;

import java.time.Duration;

/** Checks shared by the configuration records. */
final class Durations {
    private Durations() {}

    static Duration requirePositive(Duration value, String property) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(property + " must be positive");
        }
        return value;
    }
}
