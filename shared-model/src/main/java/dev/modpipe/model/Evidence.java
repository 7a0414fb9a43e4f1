package dev.modpipe.model;

/**
 * A span of the post's text that supports a score: {@code text} is the characters from {@code
 * start} (inclusive) to {@code end} (exclusive) of the classified text, {@code cue} names what was
 * seen there (for example {@code "timeline"} or {@code "means"}).
 */
public record Evidence(Category category, String cue, int start, int end, String text) {
    public Evidence {
        Checks.notNull(category, "evidence.category");
        Checks.required(cue, "evidence.cue");
        if (start < 0 || end < start) {
            throw new InvalidEventException("evidence.start", "must satisfy 0 <= start <= end");
        }
        Checks.notNull(text, "evidence.text");
    }
}
