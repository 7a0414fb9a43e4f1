package dev.modpipe.ingest.problem;

import dev.modpipe.ingest.auth.AuthenticatedPlatform;
import dev.modpipe.ingest.observability.IngestMetrics;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/** Builds every problem answer of the service, and counts it in {@code ingest_rejected_total}. */
@Singleton
public final class Problems {
    public static final String CONTENT_TYPE = MediaType.APPLICATION_JSON_PROBLEM;

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private final IngestMetrics metrics;

    public Problems(IngestMetrics metrics) {
        this.metrics = metrics;
    }

    public MutableHttpResponse<Problem> response(HttpRequest<?> request, ProblemException e) {
        return response(request, e.type(), e.getMessage(), e.errors(), e.retryAfter());
    }

    public MutableHttpResponse<Problem> response(
            HttpRequest<?> request,
            ProblemType type,
            String detail,
            List<FieldError> errors,
            @Nullable Duration retryAfter) {
        return respond(request, type, type.status().getCode(), detail, errors, retryAfter);
    }

    /** Writes the problem into a response Micronaut already made (keeps its status and headers). */
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> into(MutableHttpResponse<?> response, HttpRequest<?> request, String detail) {
        int status = response.code();
        ProblemType type = ProblemType.forStatus(status);
        record(request, type, status, List.of());
        Problem problem = new Problem(type.uri(), type.title(), status, detail, request.getPath(), null);
        return ((MutableHttpResponse<Problem>) response)
                .contentType(CONTENT_TYPE)
                .body(problem);
    }

    private MutableHttpResponse<Problem> respond(
            HttpRequest<?> request,
            ProblemType type,
            int status,
            String detail,
            List<FieldError> errors,
            @Nullable Duration retryAfter) {
        record(request, type, status, errors);
        Problem problem = new Problem(
                type.uri(), type.title(), status, detail, request.getPath(), errors.isEmpty() ? null : errors);
        MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(HttpStatus.valueOf(status))
                .contentType(CONTENT_TYPE)
                .body(problem);
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds(retryAfter)));
        }
        return response;
    }

    /**
     * Counts the answer and logs a 4xx: the platform, the call, the reason and the names of the
     * fields at fault, never their values. Unauthenticated and unrouted calls log at DEBUG only,
     * so a flood of them does not flood the log.
     */
    private void record(HttpRequest<?> request, ProblemType type, int status, List<FieldError> errors) {
        String platform = AuthenticatedPlatform.of(request).orElse(IngestMetrics.NO_PLATFORM);
        metrics.rejected(platform, type.reason(), 1);
        if (status >= 500) {
            return; // logged with its cause where it is handled
        }
        boolean quiet = type == ProblemType.UNAUTHORIZED
                || type == ProblemType.NOT_FOUND
                || type == ProblemType.METHOD_NOT_ALLOWED;
        LoggingEventBuilder line = quiet ? LOG.atDebug() : LOG.atInfo();
        line.setMessage("answered {} {}")
                .addArgument(status)
                .addArgument(type.reason())
                .addKeyValue("platform", platform)
                .addKeyValue("method", request.getMethodName())
                .addKeyValue("path", request.getPath())
                .addKeyValue("fields", errors.stream().map(FieldError::field).toList())
                .log();
    }

    /** Whole seconds, rounded up, at least 1: the form of {@code Retry-After}. */
    public static long retryAfterSeconds(Duration retryAfter) {
        long millis = Math.max(1, retryAfter.toMillis());
        return Math.max(1, (millis + 999) / 1000);
    }
}
