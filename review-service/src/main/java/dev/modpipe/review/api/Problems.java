package dev.modpipe.review.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** Builds problem+json answers. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.of(MEDIA_TYPE);
    private static final String TYPE_BASE = "https://modpipe.dev/problems/";

    private Problems() {}

    /** A problem of a type of this API ({@code slug}), or of the generic {@code about:blank} type. */
    public static Problem problem(
            HttpStatus status, @Nullable String slug, @Nullable String detail, @Nullable HttpRequest<?> request) {
        return new Problem(
                slug == null ? "about:blank" : TYPE_BASE + slug,
                status.getReason(),
                status.getCode(),
                detail,
                request == null ? null : request.getPath());
    }

    public static MutableHttpResponse<Problem> response(
            HttpStatus status, @Nullable String slug, @Nullable String detail, @Nullable HttpRequest<?> request) {
        return HttpResponse.<Problem>status(status)
                .contentType(PROBLEM_JSON)
                .body(problem(status, slug, detail, request));
    }
}
