package dev.modpipe.ingest.intake;

import dev.modpipe.ingest.dedup.DedupKey;
import dev.modpipe.ingest.dedup.DuplicateGuard;
import dev.modpipe.ingest.dedup.Reservation;
import dev.modpipe.ingest.observability.IngestMetrics;
import dev.modpipe.ingest.platform.PlatformProperties;
import dev.modpipe.ingest.platform.Platforms;
import dev.modpipe.ingest.privacy.AuthorPseudonymizer;
import dev.modpipe.ingest.problem.ProblemException;
import dev.modpipe.ingest.problem.ProblemType;
import dev.modpipe.ingest.publish.KafkaProperties;
import dev.modpipe.ingest.publish.PostPublisher;
import dev.modpipe.ingest.publish.PublishOutcome;
import dev.modpipe.ingest.ratelimit.RateDecision;
import dev.modpipe.ingest.ratelimit.RateLimit;
import dev.modpipe.ingest.ratelimit.RateLimiter;
import dev.modpipe.ingest.redis.RedisUnavailableException;
import dev.modpipe.model.EventType;
import dev.modpipe.model.PostEvent;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Takes validated submissions of one platform to Kafka: rate limit, duplicate reservation,
 * pseudonymisation, publication, then confirmation (or release) of the reservations. Nothing is
 * acknowledged before Kafka has it, and nothing is half-accepted: a post Kafka did not acknowledge
 * has its reservation released, so the platform's retry is accepted.
 *
 * <p>Fails closed: when Redis cannot be reached, no post is accepted (503), since accepting without
 * duplicate detection could write a post twice and without the rate limit could overload the
 * pipeline. Thread-safe.
 */
@Singleton
public class PostIntake {
    private static final Logger LOG = LoggerFactory.getLogger(PostIntake.class);
    /** How soon a caller should retry when another request holds the same post revision. */
    static final Duration IN_PROGRESS_RETRY = Duration.ofSeconds(1);

    private final Platforms platforms;
    private final RateLimiter rateLimiter;
    private final DuplicateGuard duplicates;
    private final AuthorPseudonymizer pseudonymizer;
    private final PostPublisher publisher;
    private final IngestMetrics metrics;
    private final Duration retryAfter;

    public PostIntake(
            Platforms platforms,
            RateLimiter rateLimiter,
            DuplicateGuard duplicates,
            AuthorPseudonymizer pseudonymizer,
            PostPublisher publisher,
            IngestMetrics metrics,
            KafkaProperties kafka) {
        this.platforms = platforms;
        this.rateLimiter = rateLimiter;
        this.duplicates = duplicates;
        this.pseudonymizer = pseudonymizer;
        this.publisher = publisher;
        this.metrics = metrics;
        this.retryAfter = kafka.retryAfter();
    }

    /**
     * Submits the posts of one request (one, or a batch), all of {@code platform}.
     *
     * @return one outcome per submission, in order
     * @throws ProblemException 429 when over the platform's rate limit, 503 when Redis is down or
     *     when Kafka acknowledged none of the posts it was given (nothing was accepted then)
     */
    public List<Outcome> submit(String platform, List<Submission> submissions) {
        if (submissions.isEmpty()) {
            return List.of();
        }
        // Built first: an event that breaks the contract fails here, before anything is reserved.
        List<PostEvent> events = events(platform, submissions);
        limitRate(platform, submissions.size());

        // The same post revision twice in one request is written once.
        Map<DedupKey, Integer> firstIndex = new HashMap<>();
        List<Integer> unique = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            if (firstIndex.putIfAbsent(submissions.get(i).dedupKey(), i) == null) {
                unique.add(i);
            }
        }
        List<DedupKey> keys =
                unique.stream().map(i -> submissions.get(i).dedupKey()).toList();
        String token = UUID.randomUUID().toString();
        List<Reservation> reservations = reserve(keys, token);

        Outcome[] outcomes = new Outcome[submissions.size()];
        List<Integer> toWrite = new ArrayList<>();
        for (int u = 0; u < unique.size(); u++) {
            int index = unique.get(u);
            switch (reservations.get(u)) {
                case RESERVED -> toWrite.add(index);
                case DUPLICATE -> outcomes[index] = Outcome.DUPLICATE;
                case IN_PROGRESS -> outcomes[index] = Outcome.IN_PROGRESS;
            }
        }
        write(submissions, events, toWrite, token, outcomes);

        for (int i = 0; i < submissions.size(); i++) {
            if (outcomes[i] == null) {
                Outcome first = outcomes[firstIndex.get(submissions.get(i).dedupKey())];
                outcomes[i] = first.kind() == Outcome.Kind.ACCEPTED ? Outcome.DUPLICATE : first;
            }
        }
        record(platform, submissions, outcomes);
        return Arrays.asList(outcomes);
    }

    private List<PostEvent> events(String platform, List<Submission> submissions) {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<PostEvent> events = new ArrayList<>(submissions.size());
        for (Submission submission : submissions) {
            if (!submission.platform().equals(platform)) {
                throw new IllegalArgumentException("a submission of another platform");
            }
            String author = submission.rawAuthorId() == null
                    ? null
                    : pseudonymizer.pseudonymise(platform, submission.rawAuthorId());
            events.add(submission.toEvent(author, receivedAt));
        }
        return events;
    }

    private void limitRate(String platform, int cost) {
        PlatformProperties properties = platforms
                .get(platform)
                .orElseThrow(() -> new IllegalStateException("platform " + platform + " is not configured"));
        RateDecision decision;
        try {
            decision =
                    rateLimiter.acquire(platform, cost, new RateLimit(properties.postsPerSecond(), properties.burst()));
        } catch (RedisUnavailableException e) {
            throw redisDown(e);
        }
        if (!decision.allowed()) {
            throw ProblemException.retryLater(
                    ProblemType.RATE_LIMITED,
                    "platform " + platform + " may submit " + properties.postsPerSecond()
                            + " posts per second (bursts of " + properties.burst() + "); this request has "
                            + cost + (cost == 1 ? " post" : " posts"),
                    decision.retryAfter(),
                    null);
        }
    }

    private List<Reservation> reserve(List<DedupKey> keys, String token) {
        try {
            return duplicates.reserve(keys, token);
        } catch (RedisUnavailableException e) {
            throw redisDown(e);
        }
    }

    private void write(
            List<Submission> submissions,
            List<PostEvent> events,
            List<Integer> toWrite,
            String token,
            Outcome[] outcomes) {
        if (toWrite.isEmpty()) {
            return;
        }
        List<PublishOutcome> published;
        try {
            published = publisher.publish(toWrite.stream().map(events::get).toList());
        } catch (RuntimeException e) {
            // Not expected (the publisher reports Kafka failures as outcomes), but never leave
            // reservations behind that would make the platform's retry wait for them to lapse.
            settle(
                    List.of(),
                    toWrite.stream().map(i -> submissions.get(i).dedupKey()).toList(),
                    token);
            throw e;
        }

        List<DedupKey> written = new ArrayList<>();
        List<DedupKey> failed = new ArrayList<>();
        Exception failure = null;
        for (int w = 0; w < toWrite.size(); w++) {
            int index = toWrite.get(w);
            PublishOutcome outcome = published.get(w);
            if (outcome.acknowledged()) {
                outcomes[index] = Outcome.accepted(outcome.partition(), outcome.offset());
                written.add(submissions.get(index).dedupKey());
            } else {
                failure = outcome.failure();
                outcomes[index] = Outcome.notWritten("Kafka did not acknowledge the write; retry");
                failed.add(submissions.get(index).dedupKey());
            }
        }
        settle(written, failed, token);
        if (written.isEmpty()) {
            throw ProblemException.retryLater(
                    ProblemType.KAFKA_UNAVAILABLE,
                    "Kafka did not acknowledge the write in time; nothing was accepted, retry later",
                    retryAfter,
                    failure);
        }
    }

    /** Confirms what Kafka has and releases the rest. A Redis failure here loses no post. */
    private void settle(List<DedupKey> written, List<DedupKey> failed, String token) {
        try {
            duplicates.release(failed, token);
        } catch (RedisUnavailableException e) {
            LOG.warn("could not release {} reservations; a retry is answered 409 until they lapse", failed.size());
        }
        try {
            duplicates.confirm(written, token);
        } catch (RedisUnavailableException e) {
            LOG.warn(
                    "could not confirm {} accepted posts; a resubmission after the pending TTL may be written twice",
                    written.size());
        }
    }

    private void record(String platform, List<Submission> submissions, Outcome[] outcomes) {
        Map<EventType, Integer> accepted = new EnumMap<>(EventType.class);
        int duplicates = 0;
        for (int i = 0; i < outcomes.length; i++) {
            switch (outcomes[i].kind()) {
                case ACCEPTED -> accepted.merge(submissions.get(i).type(), 1, Integer::sum);
                case DUPLICATE -> duplicates++;
                default -> {}
            }
        }
        accepted.forEach((type, count) -> metrics.accepted(platform, type, count));
        if (duplicates > 0) {
            metrics.duplicate(platform, duplicates);
        }
        if (outcomes.length == 1) {
            Submission submission = submissions.get(0);
            LoggingEventBuilder line = LOG.atInfo()
                    .setMessage("post {}")
                    .addArgument(outcomes[0].kind())
                    .addKeyValue("platform", platform)
                    .addKeyValue("postId", submission.postId())
                    .addKeyValue("revision", submission.revision())
                    .addKeyValue("type", submission.type());
            if (outcomes[0].kind() == Outcome.Kind.ACCEPTED) {
                line = line.addKeyValue("partition", outcomes[0].partition())
                        .addKeyValue("offset", outcomes[0].offset());
            }
            line.log();
        } else {
            int acceptedCount =
                    accepted.values().stream().mapToInt(Integer::intValue).sum();
            LOG.atInfo()
                    .setMessage("batch of {} posts: {} accepted, {} duplicate")
                    .addArgument(outcomes.length)
                    .addArgument(acceptedCount)
                    .addArgument(duplicates)
                    .addKeyValue("platform", platform)
                    .log();
        }
    }

    private ProblemException redisDown(RedisUnavailableException e) {
        return ProblemException.retryLater(
                ProblemType.REDIS_UNAVAILABLE,
                "duplicate detection and rate limits are unavailable (Redis); nothing was accepted, retry later",
                retryAfter,
                e);
    }
}
