package dev.modpipe.review.api;

import dev.modpipe.model.InvalidEventException;
import dev.modpipe.review.claims.ClaimConflictException;
import dev.modpipe.review.decision.InvalidDecisionException;
import dev.modpipe.review.escalation.AlertConflictException;
import dev.modpipe.review.escalation.AlertNotFoundException;
import dev.modpipe.review.kafka.PublishFailedException;
import dev.modpipe.review.queue.InvalidCursorException;
import dev.modpipe.review.queue.ItemNotFoundException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The one place where the service's exceptions become HTTP answers (problem+json). Anything not
 * listed is a 500 without a stack trace in the answer (it is logged).
 */
@Produces(Problems.MEDIA_TYPE)
@Singleton
public class ApiExceptionHandler implements ExceptionHandler<RuntimeException, HttpResponse<Problem>> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    @SuppressWarnings("rawtypes") // the interface declares the raw type
    public HttpResponse<Problem> handle(HttpRequest request, RuntimeException e) {
        if (e instanceof BadRequestException bad) {
            return Problems.response(HttpStatus.BAD_REQUEST, "invalid-request", bad.getMessage(), request);
        }
        if (e instanceof InvalidCursorException) {
            return Problems.response(HttpStatus.BAD_REQUEST, "invalid-request", "cursor: " + e.getMessage(), request);
        }
        if (e instanceof ItemNotFoundException
                || e instanceof NotFoundException
                || e instanceof AlertNotFoundException) {
            return Problems.response(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), request);
        }
        if (e instanceof ForbiddenException) {
            return Problems.response(HttpStatus.FORBIDDEN, "forbidden", e.getMessage(), request);
        }
        if (e instanceof ClaimConflictException conflict) {
            return Problems.response(HttpStatus.CONFLICT, "claim-conflict", conflict.getMessage(), request);
        }
        if (e instanceof AlertConflictException conflict) {
            return Problems.response(HttpStatus.CONFLICT, "alert-conflict", conflict.getMessage(), request);
        }
        if (e instanceof InvalidDecisionException invalid) {
            return Problems.response(HttpStatus.BAD_REQUEST, "invalid-request", invalid.getMessage(), request);
        }
        if (e instanceof InvalidEventException invalid) {
            return Problems.response(HttpStatus.BAD_REQUEST, "invalid-request", invalid.getMessage(), request);
        }
        if (e instanceof ConflictException conflict) {
            return Problems.response(HttpStatus.CONFLICT, "conflict", conflict.getMessage(), request);
        }
        if (e instanceof PublishFailedException) {
            LOG.warn("answering 503: {}", e.getMessage());
            return Problems.response(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "kafka-unavailable",
                            "Kafka did not acknowledge the decision; nothing was published and the item stays claimed by you. Retry.",
                            request)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        if (e instanceof JedisException) {
            LOG.warn("answering 503: Redis unavailable ({})", e.getClass().getSimpleName());
            return Problems.response(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "storage-unavailable",
                            "the queue's storage (Redis) is unavailable",
                            request)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        LOG.error("unexpected error on {} {}", request.getMethodName(), request.getPath(), e);
        return Problems.response(
                HttpStatus.INTERNAL_SERVER_ERROR, null, "the service could not complete the request", request);
    }
}
