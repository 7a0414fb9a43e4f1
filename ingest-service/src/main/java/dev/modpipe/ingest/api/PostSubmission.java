package dev.modpipe.ingest.api;

import dev.modpipe.model.PostEvent;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A post as a platform submits it: a {@code PostEvent} without {@code schemaVersion}, {@code type}
 * and {@code receivedAt}, with the platform's raw {@code authorId}. Unknown fields are ignored.
 * {@link #toString()} leaves out the text and the raw author id, so it is safe to log.
 */
@Introspected
@Schema(
        name = "PostSubmission",
        description = "A post as the platform submits it. authorId is the platform's raw id: ingest replaces it"
                + " with a keyed pseudonym before anything leaves the service.")
public record PostSubmission(
        @Nullable
                @Pattern(regexp = PLATFORM_PATTERN, message = "must match " + PLATFORM_PATTERN)
                @Schema(description = "Optional; when present it must be the platform of the API key")
                String platform,
        @NotBlank(message = "is required")
                @Pattern(regexp = POST_ID_PATTERN, message = "must match " + POST_ID_PATTERN)
                @Schema(description = "The platform's id of the post; in PUT it may be left out (the path has it)")
                String postId,
        @Nullable
                @Min(value = 1, message = "must be at least 1")
                @Schema(description = "The platform's revision counter: default 1 in POST, at least 2 in PUT")
                Integer revision,
        @Nullable @Size(max = PostEvent.MAX_ID_LENGTH, message = "must be at most {max} characters") String threadId,
        @NotBlank(message = "is required")
                @Size(max = MAX_RAW_AUTHOR_ID_LENGTH, message = "must be at most {max} characters")
                @Schema(description = "The platform's raw author id; never stored or forwarded as such")
                String authorId,
        @Nullable @Size(max = PostEvent.MAX_TITLE_LENGTH, message = "must be at most {max} characters") String title,
        @NotBlank(message = "is required")
                @Size(max = PostEvent.MAX_BODY_LENGTH, message = "must be at most {max} characters")
                String body,
        @Nullable
                @Size(max = MAX_LANGUAGE_LENGTH, message = "must be at most {max} characters")
                @Schema(description = "Optional language hint, e.g. en")
                String language,
        @Nullable @Schema(description = "When the post was written on the platform, ISO-8601 UTC") Instant createdAt) {

    /** The contract's platform names (shared-model's {@code Checks.PLATFORM}). */
    public static final String PLATFORM_PATTERN = "[a-z0-9][a-z0-9_-]{0,63}";
    /** The contract's post ids (shared-model's {@code Checks.POST_ID}). */
    public static final String POST_ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}";

    public static final int MAX_RAW_AUTHOR_ID_LENGTH = 256;
    public static final int MAX_LANGUAGE_LENGTH = 16;

    public PostSubmission withPostId(String id) {
        return new PostSubmission(platform, id, revision, threadId, authorId, title, body, language, createdAt);
    }

    @Override
    public String toString() {
        return "PostSubmission[" + platform + ":" + postId + " revision " + revision + "]";
    }
}
