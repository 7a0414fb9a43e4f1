package dev.modpipe.ingest.problem;

import dev.modpipe.model.InvalidEventException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * A submission that passed validation but still broke an invariant of the contract's
 * {@code PostEvent}: a 400 naming the field, never a 500. (Validation is meant to catch it first.)
 */
@Singleton
@Produces(Problems.CONTENT_TYPE)
@Requires(classes = {InvalidEventException.class, ExceptionHandler.class})
public final class InvalidEventHandler implements ExceptionHandler<InvalidEventException, HttpResponse<Problem>> {
    private final Problems problems;

    public InvalidEventHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    @SuppressWarnings("rawtypes") // the interface declares a raw HttpRequest
    public HttpResponse<Problem> handle(HttpRequest request, InvalidEventException e) {
        FieldError error = new FieldError(
                e.field(), e.getMessage().substring(e.field().length()).trim());
        return problems.response(request, ProblemType.INVALID_REQUEST, error.message(), List.of(error), null);
    }
}
