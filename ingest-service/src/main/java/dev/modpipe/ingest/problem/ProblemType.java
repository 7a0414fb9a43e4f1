package dev.modpipe.ingest.problem;

import io.micronaut.http.HttpStatus;

/**
 * The kinds of problem ingest answers with. The {@link #reason()} is also the {@code reason} tag
 * of the {@code ingest_rejected_total} metric.
 */
public enum ProblemType {
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Missing or unknown API key"),
    PLATFORM_MISMATCH(HttpStatus.FORBIDDEN, "platform-mismatch", "Platform does not match the API key"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),
    IN_PROGRESS(HttpStatus.CONFLICT, "in-progress", "Same post revision is being submitted"),
    PAYLOAD_TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Platform rate limit exceeded"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error"),
    KAFKA_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable", "Kafka unavailable, nothing was accepted"),
    REDIS_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "redis-unavailable", "Redis unavailable, nothing was accepted");

    /** Where the problem types are described (the service's README). */
    public static final String BASE_URI = "https://modpipe.dev/problems/";

    private final HttpStatus status;
    private final String slug;
    private final String title;

    ProblemType(HttpStatus status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return BASE_URI + slug;
    }

    /** The metric tag value: the slug with underscores, e.g. {@code rate_limited}. */
    public String reason() {
        return slug.replace('-', '_');
    }

    /** The problem type of an error status that Micronaut itself answered. */
    public static ProblemType forStatus(int code) {
        for (ProblemType type : values()) {
            if (type.status.getCode() == code && type != PLATFORM_MISMATCH && type != REDIS_UNAVAILABLE) {
                return type;
            }
        }
        return code >= 500 ? INTERNAL : INVALID_REQUEST;
    }
}
