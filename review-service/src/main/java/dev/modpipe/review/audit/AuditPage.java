package dev.modpipe.review.audit;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** Audit entries, oldest first, and the cursor of the next page (null at the end). */
public record AuditPage(List<AuditEntry> entries, @Nullable String nextCursor) {}
