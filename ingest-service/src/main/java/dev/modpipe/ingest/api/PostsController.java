package dev.modpipe.ingest.api;

import dev.modpipe.ingest.api.SubmissionJson.BatchItem;
import dev.modpipe.ingest.api.SubmissionJson.UnreadableException;
import dev.modpipe.ingest.auth.AuthenticatedPlatform;
import dev.modpipe.ingest.intake.Outcome;
import dev.modpipe.ingest.intake.PostIntake;
import dev.modpipe.ingest.intake.Submission;
import dev.modpipe.ingest.intake.SubmissionStatus;
import dev.modpipe.ingest.observability.IngestMetrics;
import dev.modpipe.ingest.problem.FieldError;
import dev.modpipe.ingest.problem.Problem;
import dev.modpipe.ingest.problem.ProblemException;
import dev.modpipe.ingest.problem.ProblemType;
import dev.modpipe.ingest.problem.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The platforms' API: submit, edit and delete posts, one at a time or in batches. Reads and
 * validates the request, then hands the submissions to {@link PostIntake}. Runs on the blocking
 * executor, since a request waits for Kafka's acknowledgement.
 */
@Controller("/v1/posts")
@Consumes(MediaType.ALL)
@Produces(MediaType.APPLICATION_JSON)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "posts", description = "Submit, edit and delete posts for moderation")
@SecurityRequirement(name = IngestOpenApi.SECURITY_SCHEME)
@ApiResponse(
        responseCode = "400",
        description = "Invalid request; detail names the field",
        content = @Content(mediaType = Problems.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(
        responseCode = "401",
        description = "No or unknown API key",
        content = @Content(mediaType = Problems.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(
        responseCode = "429",
        description = "Over the platform's rate limit",
        headers = @Header(name = "Retry-After", description = "seconds"),
        content = @Content(mediaType = Problems.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
@ApiResponse(
        responseCode = "503",
        description = "Kafka or Redis unavailable; nothing was accepted",
        headers = @Header(name = "Retry-After", description = "seconds"),
        content = @Content(mediaType = Problems.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
public class PostsController {
    private final SubmissionValidator validator;
    private final PostIntake intake;
    private final LimitsProperties limits;
    private final IngestMetrics metrics;

    public PostsController(
            SubmissionValidator validator, PostIntake intake, LimitsProperties limits, IngestMetrics metrics) {
        this.validator = validator;
        this.intake = intake;
        this.limits = limits;
        this.metrics = metrics;
    }

    @Post
    @Operation(
            summary = "Submit a new post",
            description = "Answers 202 once Kafka has acknowledged the CREATED event. The same postId and revision"
                    + " submitted again is answered 202 DUPLICATE and not written again.")
    @ApiResponse(
            responseCode = "202",
            description = "ACCEPTED, or DUPLICATE",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubmissionResponse.class)))
    @PostsApiDoc.SinglePostBody
    public HttpResponse<SubmissionResponse> create(HttpRequest<byte[]> request) {
        return submitOne("create", request, platform -> validator.created(platform, readPost(request), ""));
    }

    @Put("/{postId}")
    @Operation(
            summary = "Submit an edit of a post",
            description = "An EDITED event; revision is required and at least 2 (the platform counts its edits)."
                    + " The postId of the body, if any, must be the one of the path.")
    @ApiResponse(
            responseCode = "202",
            description = "ACCEPTED, or DUPLICATE",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubmissionResponse.class)))
    @PostsApiDoc.SinglePostBody
    public HttpResponse<SubmissionResponse> edit(HttpRequest<byte[]> request, @PathVariable String postId) {
        return submitOne("edit", request, platform -> validator.edited(platform, postId, readPost(request)));
    }

    @Delete("/{postId}")
    @Operation(
            summary = "Report a deleted post",
            description = "A DELETED event. revision is the revision the platform deleted (default 1); the same"
                    + " deletion reported twice is answered DUPLICATE. Consumers treat DELETED as final whatever its"
                    + " revision, since all events of a post are ordered on one partition.")
    @ApiResponse(
            responseCode = "202",
            description = "ACCEPTED, or DUPLICATE",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubmissionResponse.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The same deletion is being submitted right now; retry",
            content = @Content(mediaType = Problems.CONTENT_TYPE, schema = @Schema(implementation = Problem.class)))
    public HttpResponse<SubmissionResponse> delete(
            HttpRequest<?> request,
            @PathVariable String postId,
            @Parameter(
                            description = "the revision deleted, at least 1 (default 1)",
                            schema = @Schema(type = "integer", minimum = "1"))
                    @Nullable
                    @QueryValue
                    String revision) {
        return submitOne("delete", request, platform -> validator.deleted(platform, postId, revision));
    }

    @Post("/batch")
    @Operation(
            summary = "Submit up to 500 new posts",
            description = "Each post is validated and written on its own: valid posts are accepted even when others"
                    + " are rejected. Each valid post counts against the platform's rate limit."
                    + " 503 when Kafka acknowledged none of them (then nothing was accepted).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BatchSubmission.class)))
    @ApiResponse(
            responseCode = "200",
            description = "One result per post, in order",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = BatchResponse.class)))
    @PostsApiDoc.JsonBodyRefused
    public HttpResponse<BatchResponse> batch(HttpRequest<byte[]> request) {
        return timed("batch", () -> {
            String platform = platform(request);
            requireJson(request);
            List<BatchItem> items;
            try {
                items = SubmissionJson.readBatch(request.getBody().orElse(null), limits.maxBatchPosts());
            } catch (UnreadableException e) {
                throw ProblemException.invalid(e.errors());
            }
            return HttpResponse.ok(new BatchResponse(submitBatch(platform, items)));
        });
    }

    private List<BatchItemResult> submitBatch(String platform, List<BatchItem> items) {
        BatchItemResult[] results = new BatchItemResult[items.size()];
        List<Submission> valid = new ArrayList<>();
        List<Integer> validIndex = new ArrayList<>();
        int rejected = 0;
        for (BatchItem item : items) {
            String prefix = "posts[" + item.index() + "].";
            try {
                if (!item.readable()) {
                    throw new SubmissionValidator.Invalid(item.errors());
                }
                valid.add(validator.created(platform, item.submission(), prefix));
                validIndex.add(item.index());
            } catch (SubmissionValidator.Invalid e) {
                results[item.index()] = rejected(item, join(e.errors()), null);
                rejected++;
            } catch (ProblemException e) {
                results[item.index()] = rejected(item, e.getMessage(), null);
                rejected++;
            }
        }
        if (rejected > 0) {
            metrics.rejected(platform, ProblemType.INVALID_REQUEST.reason(), rejected);
        }
        List<Outcome> outcomes = intake.submit(platform, valid);
        for (int v = 0; v < valid.size(); v++) {
            Submission submission = valid.get(v);
            int index = validIndex.get(v);
            Outcome outcome = outcomes.get(v);
            results[index] = switch (outcome.kind()) {
                case ACCEPTED ->
                    new BatchItemResult(
                            index, submission.postId(), submission.revision(), SubmissionStatus.ACCEPTED, null, null);
                case DUPLICATE ->
                    new BatchItemResult(
                            index, submission.postId(), submission.revision(), SubmissionStatus.DUPLICATE, null, null);
                case IN_PROGRESS ->
                    new BatchItemResult(
                            index,
                            submission.postId(),
                            submission.revision(),
                            SubmissionStatus.REJECTED,
                            "the same post revision is being submitted by another request; retry",
                            true);
                case NOT_WRITTEN ->
                    new BatchItemResult(
                            index,
                            submission.postId(),
                            submission.revision(),
                            SubmissionStatus.REJECTED,
                            outcome.failure(),
                            true);
            };
        }
        return List.of(results);
    }

    private static BatchItemResult rejected(BatchItem item, String error, @Nullable Boolean retryable) {
        Integer revision = item.readable() ? item.submission().revision() : null;
        return new BatchItemResult(item.index(), item.postId(), revision, SubmissionStatus.REJECTED, error, retryable);
    }

    /** What a single-post call validates: the submission of the authenticated platform. */
    @FunctionalInterface
    private interface SingleSubmission {
        Submission validate(String platform) throws SubmissionValidator.Invalid;
    }

    /** The flow of every single-post call: authenticated platform, validation, submission, timing. */
    private HttpResponse<SubmissionResponse> submitOne(
            String endpoint, HttpRequest<?> request, SingleSubmission submission) {
        return timed(endpoint, () -> {
            String platform = platform(request);
            try {
                return single(platform, submission.validate(platform));
            } catch (SubmissionValidator.Invalid e) {
                throw e.toProblem();
            }
        });
    }

    private HttpResponse<SubmissionResponse> single(String platform, Submission submission) {
        Outcome outcome = intake.submit(platform, List.of(submission)).get(0);
        SubmissionStatus status =
                switch (outcome.kind()) {
                    case ACCEPTED -> SubmissionStatus.ACCEPTED;
                    case DUPLICATE -> SubmissionStatus.DUPLICATE;
                    case IN_PROGRESS ->
                        throw ProblemException.retryLater(
                                ProblemType.IN_PROGRESS,
                                "post " + submission.postId() + " revision " + submission.revision()
                                        + " is being submitted by another request right now; retry to learn its outcome",
                                Duration.ofSeconds(1),
                                null);
                    // PostIntake answers a request of which nothing was written with a 503 itself.
                    case NOT_WRITTEN -> throw new IllegalStateException("a single post neither written nor refused");
                };
        return HttpResponse.accepted()
                .body(new SubmissionResponse(platform, submission.postId(), submission.revision(), status));
    }

    private PostSubmission readPost(HttpRequest<byte[]> request) {
        requireJson(request);
        byte[] body = request.getBody().orElse(null);
        if (body != null && body.length > limits.maxPostBytes()) {
            throw new ProblemException(
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "body has " + body.length + " bytes; a single post may have at most " + limits.maxPostBytes());
        }
        try {
            return SubmissionJson.readPost(body);
        } catch (UnreadableException e) {
            throw ProblemException.invalid(e.errors());
        }
    }

    /** 415 unless the body is declared as JSON in UTF-8 (the contract's only encoding). */
    static void requireJson(HttpRequest<?> request) {
        MediaType type = request.getContentType().orElse(null);
        if (type == null) {
            throw new ProblemException(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type is required and must be application/json");
        }
        if (!MediaType.APPLICATION_JSON.equalsIgnoreCase(type.getName())) {
            throw new ProblemException(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json, not " + type.getName());
        }
        String charset = type.getParameters().get("charset").orElse(null);
        if (charset != null
                && !charset.toLowerCase(Locale.ROOT).replace("\"", "").equals("utf-8")) {
            throw new ProblemException(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type charset must be utf-8: the API reads UTF-8 JSON only");
        }
    }

    private static String platform(HttpRequest<?> request) {
        return AuthenticatedPlatform.of(request)
                .orElseThrow(() -> new IllegalStateException("ApiKeyFilter did not authenticate " + request.getPath()));
    }

    private <T> HttpResponse<T> timed(String endpoint, Supplier<HttpResponse<T>> call) {
        long start = System.nanoTime();
        int status = 500;
        try {
            HttpResponse<T> response = call.get();
            status = response.code();
            return response;
        } catch (ProblemException e) {
            status = e.type().status().getCode();
            throw e;
        } finally {
            metrics.requestDuration(endpoint, status, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static String join(List<FieldError> errors) {
        return String.join("; ", errors.stream().map(FieldError::message).toList());
    }
}
