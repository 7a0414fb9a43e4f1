package dev.modpipe.ingest.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a {@link ProblemException} into its {@code application/problem+json} answer. */
@Singleton
@Produces(Problems.CONTENT_TYPE)
@Requires(classes = {ProblemException.class, ExceptionHandler.class})
public final class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final Problems problems;

    public ProblemExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    @SuppressWarnings("rawtypes") // the interface declares a raw HttpRequest
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
        if (exception.type().status().getCode() >= 500) {
            // The cause says which dependency failed; it never carries post content.
            LOG.atWarn()
                    .setMessage("answering {} {}: {}")
                    .addArgument(exception.type().status().getCode())
                    .addArgument(exception.type().reason())
                    .addArgument(
                            exception.getCause() == null
                                    ? ""
                                    : exception.getCause().toString())
                    .addKeyValue("path", request.getPath())
                    .log();
        }
        return problems.response(request, exception);
    }
}
