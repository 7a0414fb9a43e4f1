package dev.modpipe.review.queue;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** One page of a listing, highest priority first, and the cursor of the next page (null at the end). */
public record QueuePage(List<ReviewItem> items, @Nullable String nextCursor) {}
