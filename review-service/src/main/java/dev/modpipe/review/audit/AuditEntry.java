package dev.modpipe.review.audit;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * One state change: who did what to which item or alert, when, and the state before and after (as
 * JSON objects, empty when there was none).
 *
 * @param id the entry's id in the stream (also the cursor of the next page)
 */
public record AuditEntry(
        String id,
        Instant at,
        String actor,
        String action,
        @Nullable String itemId,
        @Nullable String alertId,
        @Nullable String before,
        @Nullable String after,
        @Nullable String detail) {}
