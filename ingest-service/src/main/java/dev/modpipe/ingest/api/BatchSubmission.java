package dev.modpipe.ingest.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The body of {@code POST /v1/posts/batch}: 1 to 500 posts, each read and validated on its own, so
 * one malformed post does not spoil the others.
 */
// The service reads this shape with SubmissionJson.readBatch; the record documents it (OpenAPI).
@Schema(name = "BatchSubmission")
public record BatchSubmission(
        @ArraySchema(schema = @Schema(implementation = PostSubmission.class), minItems = 1, maxItems = 500)
                List<PostSubmission> posts) {}
