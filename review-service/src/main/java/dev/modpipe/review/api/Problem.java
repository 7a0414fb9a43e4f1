package dev.modpipe.review.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 9457 problem detail, the body of every error answer ({@code application/problem+json}).
 * {@code detail} names the field or the reason; it never quotes post text.
 */
@Serdeable
public record Problem(String type, String title, int status, @Nullable String detail, @Nullable String instance) {}
