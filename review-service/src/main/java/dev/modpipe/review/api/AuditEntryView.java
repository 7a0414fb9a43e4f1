package dev.modpipe.review.api;

import dev.modpipe.review.audit.AuditEntry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One audit entry: who ({@code actor}) did what ({@code action}) to which item or alert, when, with
 * the state before and after (JSON objects).
 */
@Serdeable
public record AuditEntryView(
        String id,
        Instant at,
        String actor,
        String action,
        @Nullable String itemId,
        @Nullable String alertId,
        @Nullable Object before,
        @Nullable Object after,
        @Nullable String detail) {

    static AuditEntryView of(AuditEntry e, JsonObjects json) {
        return new AuditEntryView(
                e.id(),
                e.at(),
                e.actor(),
                e.action(),
                e.itemId(),
                e.alertId(),
                json.parse(e.before()),
                json.parse(e.after()),
                e.detail());
    }
}
