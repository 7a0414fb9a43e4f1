package dev.modpipe.model;

import java.util.regex.Pattern;

/** Invariant checks shared by the records' compact constructors. */
final class Checks {
    static final Pattern PLATFORM = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    static final Pattern POST_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");

    private Checks() {}

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException(field, "is required");
        }
        return value;
    }

    static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new InvalidEventException(field, "is required");
        }
        return value;
    }

    static String matches(String value, Pattern pattern, String field) {
        required(value, field);
        if (!pattern.matcher(value).matches()) {
            throw new InvalidEventException(field, "must match " + pattern.pattern());
        }
        return value;
    }

    static String maxLength(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new InvalidEventException(field, "must be at most " + max + " characters");
        }
        return value;
    }

    static int schemaVersion(int value) {
        if (value < 1) {
            throw new InvalidEventException("schemaVersion", "must be at least 1");
        }
        return value;
    }

    static double probability(double value, String field) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new InvalidEventException(field, "must be between 0 and 1");
        }
        return value;
    }
}
