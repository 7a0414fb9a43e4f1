package dev.modpipe.review.audit;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * The append-only log of every state change of items and alerts. Changes made by Lua scripts write
 * their entries in the same script (so a change and its entry are atomic); other code appends here.
 */
public interface AuditLog {

    /** Appends an entry (its id and time are assigned here). */
    void append(
            String actor,
            String action,
            @Nullable String itemId,
            @Nullable String alertId,
            @Nullable String before,
            @Nullable String after,
            @Nullable String detail);

    /**
     * Reads entries, oldest first.
     *
     * @param subjectId an item or alert id, or null for all entries
     * @param since only entries at or after this time
     * @param after the cursor of the previous page
     */
    AuditPage read(@Nullable String subjectId, @Nullable Instant since, int limit, @Nullable String after);
}
