package dev.modpipe.review.queue;

import io.micronaut.core.annotation.Nullable;

/** The outcome of applying a verdict and the item it concerned, if any. */
public record UpsertResult(UpsertOutcome outcome, @Nullable String itemId) {}
