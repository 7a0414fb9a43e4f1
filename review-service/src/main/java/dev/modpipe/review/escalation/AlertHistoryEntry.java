package dev.modpipe.review.escalation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One entry of an alert's history: a transition (OPENED, ESCALATED, ACKED, ...) or a delivery
 * attempt (DELIVERY_DELIVERED, DELIVERY_RETRY, DELIVERY_FAILED, DELIVERY_SKIPPED) with its target,
 * channel and attempt. {@code at} is in epoch milliseconds.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertHistoryEntry(
        long at,
        String event,
        @Nullable Integer tier,
        @Nullable String target,
        @Nullable String kind,
        @Nullable Integer attempt,
        @Nullable String channel,
        @Nullable String detail) {}
