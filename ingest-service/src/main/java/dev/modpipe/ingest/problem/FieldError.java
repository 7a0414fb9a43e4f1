package dev.modpipe.ingest.problem;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One rule a request broke.
 *
 * @param field the JSON path of the offending field, e.g. {@code body} or {@code posts[3].revision}
 * @param detail what is wrong with it, never quoting the submitted value
 */
@Serdeable
public record FieldError(String field, String detail) {
    /** {@code "field detail"}, as in {@code "body is required"}. */
    public String message() {
        return field + " " + detail;
    }
}
