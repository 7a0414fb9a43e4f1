package dev.modpipe.ingest.api;

import dev.modpipe.ingest.intake.Submission;
import dev.modpipe.ingest.problem.FieldError;
import dev.modpipe.ingest.problem.ProblemException;
import dev.modpipe.ingest.problem.ProblemType;
import dev.modpipe.model.EventType;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns what a platform sent into {@link Submission}s: the bean constraints of
 * {@link PostSubmission} plus the rules that depend on the call (the platform of the key, the
 * revision of an edit, the post id of the path). Every broken rule is reported, by field.
 * Thread-safe.
 */
@Singleton
public final class SubmissionValidator {
    private static final String REQUIRED = "is required";
    private static final Pattern POST_ID = Pattern.compile(PostSubmission.POST_ID_PATTERN);

    private final Validator validator;

    public SubmissionValidator(Validator validator) {
        this.validator = validator;
    }

    /** A new post (POST /v1/posts, or a batch item with {@code prefix} "posts[i]."). */
    public Submission created(String platform, PostSubmission post, String prefix) throws Invalid {
        List<FieldError> errors = violations(post, prefix);
        checkPlatform(platform, post, prefix);
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return submission(EventType.CREATED, platform, post, post.revision() == null ? 1 : post.revision());
    }

    /** An edit (PUT /v1/posts/{postId}): the path decides the post, the revision is at least 2. */
    public Submission edited(String platform, String pathPostId, PostSubmission post) throws Invalid {
        requirePostId(pathPostId);
        if (post.postId() != null && !post.postId().equals(pathPostId)) {
            throw new Invalid(List.of(new FieldError("postId", "in the body differs from the postId of the path")));
        }
        PostSubmission withId = post.withPostId(pathPostId);
        List<FieldError> errors = new ArrayList<>(violations(withId, ""));
        if (withId.revision() == null) {
            errors.add(new FieldError("revision", "is required for an edit (2 or more)"));
        } else if (withId.revision() < 2
                && errors.stream().noneMatch(e -> e.field().equals("revision"))) {
            errors.add(new FieldError("revision", "must be at least 2 for an edit"));
        }
        checkPlatform(platform, withId, "");
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return submission(EventType.EDITED, platform, withId, withId.revision());
    }

    /** A deletion (DELETE /v1/posts/{postId}?revision=): the revision defaults to 1. */
    public Submission deleted(String platform, String pathPostId, @Nullable String revision) throws Invalid {
        requirePostId(pathPostId);
        int parsed = 1;
        if (revision != null) {
            try {
                parsed = Integer.parseInt(revision.trim());
            } catch (NumberFormatException e) {
                throw new Invalid(List.of(new FieldError("revision", "must be an integer")));
            }
            if (parsed < 1) {
                throw new Invalid(List.of(new FieldError("revision", "must be at least 1")));
            }
        }
        return Submission.deletion(platform, pathPostId, parsed);
    }

    private static void requirePostId(String postId) throws Invalid {
        if (postId == null || !POST_ID.matcher(postId).matches()) {
            throw new Invalid(List.of(new FieldError("postId", "must match " + PostSubmission.POST_ID_PATTERN)));
        }
    }

    private static void checkPlatform(String platform, PostSubmission post, String prefix) {
        if (post.platform() != null && !post.platform().equals(platform)) {
            throw new ProblemException(
                    ProblemType.PLATFORM_MISMATCH,
                    prefix + "platform '" + post.platform() + "' is not the platform of this API key ('" + platform
                            + "'); leave it out or send it with that platform's key");
        }
    }

    private List<FieldError> violations(PostSubmission post, String prefix) {
        // One error per field: a missing value is not also reported as not matching its pattern.
        Map<String, String> byField = new TreeMap<>();
        for (ConstraintViolation<PostSubmission> v : validator.validate(post)) {
            byField.merge(
                    prefix + v.getPropertyPath(),
                    v.getMessage(),
                    (a, b) -> a.equals(REQUIRED) ? a : b.equals(REQUIRED) ? b : a);
        }
        List<FieldError> errors = new ArrayList<>();
        byField.forEach((field, detail) -> errors.add(new FieldError(field, detail)));
        return errors;
    }

    private static Submission submission(EventType type, String platform, PostSubmission post, int revision) {
        return new Submission(
                type,
                platform,
                post.postId(),
                revision,
                post.threadId(),
                post.authorId(),
                post.title(),
                post.body(),
                post.language(),
                post.createdAt());
    }

    /** The submission broke rules; {@link #errors()} name the fields. */
    public static final class Invalid extends Exception {
        private final transient List<FieldError> errors;

        public Invalid(List<FieldError> errors) {
            super(errors.get(0).message(), null, false, false);
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }

        public ProblemException toProblem() {
            return ProblemException.invalid(errors);
        }
    }
}
