package dev.modpipe.review.api;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns every error the framework answers by itself (unknown route 404, 405, 415, unreadable JSON,
 * conversion errors, constraint violations) into problem+json, with a detail naming the field.
 */
@Primary
@Singleton
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {
    /** Jackson's location suffix ("at [Source: REDACTED ...]"). */
    private static final Pattern LOCATION = Pattern.compile("\\s*\\n\\s*at \\[Source.*$", Pattern.DOTALL);
    /** A constraint violation's path starts with the Java parameter: {@code request.action: ...}. */
    private static final Pattern PARAMETER_PATH =
            Pattern.compile("^[A-Za-z0-9]+\\.([\\w.\\[\\]<>]+): (.*)$", Pattern.DOTALL);

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        String detail;
        if (status.getCode() >= 500) {
            detail = "the service could not complete the request";
        } else if (context.getRootCause().orElse(null) instanceof ConversionErrorException conversion) {
            detail = describe(conversion);
        } else {
            detail = context.getErrors().stream()
                    .map(ProblemErrorResponseProcessor::describe)
                    .collect(Collectors.joining("; "));
        }
        return response.contentType(Problems.PROBLEM_JSON)
                .body(Problems.problem(status, null, detail.isBlank() ? null : detail, context.getRequest()));
    }

    private static String describe(ConversionErrorException e) {
        Argument<?> argument = e.getArgument();
        String name = argument.getAnnotationMetadata().hasAnnotation(Body.class) ? "body" : argument.getName();
        if (argument.getType().isEnum()) {
            return name + ": must be one of "
                    + Arrays.toString(argument.getType().getEnumConstants());
        }
        Throwable cause = e.getConversionError().getCause();
        String why = cause == null || cause.getMessage() == null ? "cannot be read" : clean(cause.getMessage());
        return name + ": " + why;
    }

    private static String describe(Error error) {
        String message = clean(error.getMessage());
        var path = PARAMETER_PATH.matcher(message);
        if (path.matches()) {
            return path.group(1) + ": " + path.group(2);
        }
        return error.getPath().map(p -> p + ": " + message).orElse(message);
    }

    private static String clean(String message) {
        return LOCATION.matcher(message).replaceAll("").trim();
    }
}
