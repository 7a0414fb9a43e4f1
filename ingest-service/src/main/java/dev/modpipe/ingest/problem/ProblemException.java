package dev.modpipe.ingest.problem;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.List;

/**
 * A request that ends in a problem answer. Thrown anywhere below the controllers and turned into
 * {@code application/problem+json} in one place ({@link ProblemExceptionHandler}).
 */
public class ProblemException extends RuntimeException {
    private final ProblemType type;
    private final transient List<FieldError> errors;
    private final Duration retryAfter;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), null, null);
    }

    public ProblemException(
            ProblemType type,
            String detail,
            List<FieldError> errors,
            @Nullable Duration retryAfter,
            @Nullable Throwable cause) {
        super(detail, cause, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    /** A 400 naming every field at fault. */
    public static ProblemException invalid(List<FieldError> errors) {
        String detail =
                String.join("; ", errors.stream().map(FieldError::message).toList());
        return new ProblemException(ProblemType.INVALID_REQUEST, detail, errors, null, null);
    }

    public static ProblemException invalid(String field, String detail) {
        return invalid(List.of(new FieldError(field, detail)));
    }

    /** An answer that asks the caller to retry after a while (429, 409, 503). */
    public static ProblemException retryLater(
            ProblemType type, String detail, Duration retryAfter, @Nullable Throwable cause) {
        return new ProblemException(type, detail, List.of(), retryAfter, cause);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Nullable
    public Duration retryAfter() {
        return retryAfter;
    }
}
