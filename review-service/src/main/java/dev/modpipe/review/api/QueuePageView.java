package dev.modpipe.review.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A page of the queue, highest priority first; pass {@code nextCursor} as {@code cursor} for the next. */
@Serdeable
public record QueuePageView(List<ItemView> items, @Nullable String nextCursor) {}
