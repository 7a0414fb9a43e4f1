package dev.modpipe.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.modpipe.ingest.intake.SubmissionStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What became of one post of a batch.
 *
 * @param index the post's position in the request's {@code posts}
 * @param postId the post's id, when it had a readable one
 * @param revision the post's revision, when it was read
 * @param status ACCEPTED, DUPLICATE or REJECTED
 * @param error why it was REJECTED, naming the field
 * @param retryable true when a REJECTED post was valid but not written (Kafka did not acknowledge
 *     it, or the same revision was being submitted by another request): send it again
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchItemResult(
        int index,
        @Nullable String postId,
        @Nullable Integer revision,
        SubmissionStatus status,
        @Nullable String error,
        @Nullable @Schema(description = "present and true when resending the post may succeed") Boolean retryable) {}
