package dev.modpipe.ingest.api;

import dev.modpipe.ingest.intake.SubmissionStatus;
import io.micronaut.serde.annotation.Serdeable;

/** The answer to a single post: {@code 202}, ACCEPTED or DUPLICATE. */
@Serdeable
public record SubmissionResponse(String platform, String postId, int revision, SubmissionStatus status) {}
