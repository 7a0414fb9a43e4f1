package dev.modpipe.review.api;

import dev.modpipe.review.audit.AuditLog;
import dev.modpipe.review.audit.AuditPage;
import dev.modpipe.review.audit.RedisAuditLog;
import dev.modpipe.review.auth.RequiresRole;
import dev.modpipe.review.auth.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/** The append-only audit log, for leads. */
@Tag(name = "audit")
@SecurityRequirement(name = "bearer")
@ExecuteOn(TaskExecutors.BLOCKING)
@Controller("/v1/audit")
public class AuditController {
    private final AuditLog audit;
    private final JsonObjects json;

    public AuditController(AuditLog audit, JsonObjects json) {
        this.audit = audit;
        this.json = json;
    }

    /**
     * Audit entries, oldest first: every state change of items and alerts, who made it and when,
     * with the state before and after.
     *
     * @param itemId only the entries of this item (or alert id)
     * @param since only entries at or after this instant (ISO-8601)
     * @param limit page size, 1 to 500 (default 100)
     * @param cursor the {@code nextCursor} of the previous page
     * @return a page of entries
     */
    @Get
    @RequiresRole(Role.LEAD)
    public AuditPageView read(
            @QueryValue @Nullable @Pattern(regexp = "[0-9a-f-]{36}", message = "must be an item or alert id")
                    String itemId,
            @QueryValue @Nullable Instant since,
            @QueryValue(defaultValue = "100") @Min(1) @Max(500) int limit,
            @QueryValue @Nullable String cursor) {
        if (cursor != null && !RedisAuditLog.isCursor(cursor)) {
            throw new BadRequestException("cursor", "is not a cursor of this listing");
        }
        AuditPage page = audit.read(itemId, since, limit, cursor);
        return new AuditPageView(
                page.entries().stream().map(e -> AuditEntryView.of(e, json)).toList(), page.nextCursor());
    }
}
