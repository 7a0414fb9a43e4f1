package dev.modpipe.review.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Audit entries, oldest first; pass {@code nextCursor} as {@code cursor} for the next page. */
@Serdeable
public record AuditPageView(List<AuditEntryView> entries, @Nullable String nextCursor) {}
