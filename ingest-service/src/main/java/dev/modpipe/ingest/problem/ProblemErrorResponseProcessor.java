package dev.modpipe.ingest.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micronaut's own error answers (no route 404, 405, 413, 415, conversion errors, any unhandled
 * exception) as {@code application/problem+json}, whatever the {@code Accept} header says. Its
 * presence replaces Micronaut's default processor (which would answer JSON or HTML). A 5xx never
 * carries an exception message or a stack trace.
 */
@Singleton
public final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);

    private final Problems problems;

    public ProblemErrorResponseProcessor(Problems problems) {
        this.problems = problems;
    }

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpRequest<?> request = context.getRequest();
        int status = response.code();
        if (status >= 500) {
            LOG.error(
                    "unexpected error answering {} {}",
                    request.getMethodName(),
                    request.getPath(),
                    context.getRootCause().orElse(null));
        }
        return problems.into(response, request, detail(context, request, status));
    }

    private static String detail(ErrorContext context, HttpRequest<?> request, int status) {
        return switch (status) {
            case 404 -> "no resource at " + request.getPath();
            case 405 -> "method " + request.getMethodName() + " is not allowed on " + request.getPath();
            case 406 -> "this resource answers application/json only";
            case 413 -> "request is larger than the service accepts (body, URL or headers)";
            case 415 -> "Content-Type must be application/json";
            default -> status >= 500 ? "internal error; nothing was accepted" : firstMessage(context, status);
        };
    }

    private static String firstMessage(ErrorContext context, int status) {
        return context.getErrors().stream()
                .map(Error::getMessage)
                .findFirst()
                .orElse("request rejected with status " + status);
    }
}
