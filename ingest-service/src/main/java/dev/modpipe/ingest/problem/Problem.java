package dev.modpipe.ingest.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error answer ({@code application/problem+json}).
 *
 * @param type a URI naming the kind of problem ({@link ProblemType#uri()})
 * @param title a short summary of the kind of problem
 * @param status the HTTP status code
 * @param detail what is wrong with this request, naming the field when one is at fault
 * @param instance the request path
 * @param errors every field at fault, when the request broke several rules at once
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        @Nullable String instance,
        @Nullable List<FieldError> errors) {}
