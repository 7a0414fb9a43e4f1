package dev.modpipe.ingest.api;

import dev.modpipe.ingest.problem.Problem;
import dev.modpipe.ingest.problem.Problems;
import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OpenAPI documentation that several endpoints of {@link PostsController} share, as
 * annotations to put on them: micronaut-openapi reads the {@code @RequestBody} and
 * {@code @ApiResponse} of such a (meta-)annotation as if they stood on the method itself.
 */
final class PostsApiDoc {
    private PostsApiDoc() {}

    /** The refusals of a JSON body the API does not read: 413 and 415. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @ApiResponse(
            responseCode = "413",
            description = "Body too large",
            content = @Content(mediaType = Problems.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(
            responseCode = "415",
            description = "Not application/json",
            content = @Content(mediaType = Problems.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
    @interface JsonBodyRefused {}

    /**
     * A call with one post in its body (create, edit): the body, 403, 409, 413 and 415. The 202
     * stays on the method: micronaut-openapi adds a default 200 answer to a method that declares
     * no {@code @ApiResponse} itself, and lists the declared answers before those of annotations.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PostSubmission.class)))
    @ApiResponse(
            responseCode = "403",
            description = "The body claims another platform",
            content = @Content(mediaType = Problems.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The same revision is being submitted right now; retry",
            content = @Content(mediaType = Problems.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
    @JsonBodyRefused
    @interface SinglePostBody {}
}
