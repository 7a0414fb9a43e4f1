package dev.modpipe.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modpipe.infra.SharedInfra;
import dev.modpipe.model.EventType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.clients.jedis.JedisPooled;

/** The duplicate guard against a real Redis. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisDuplicateGuardTest {
    private static final Duration TTL = Duration.ofHours(1);
    private static final Duration PENDING = Duration.ofSeconds(30);

    private JedisPooled jedis;
    private RedisDuplicateGuard guard;

    @BeforeAll
    void connect() {
        jedis = new JedisPooled(URI.create(SharedInfra.redisUrl()));
        guard = new RedisDuplicateGuard(jedis, new DedupProperties(TTL, PENDING));
    }

    @AfterAll
    void disconnect() {
        jedis.close();
    }

    private static DedupKey newKey() {
        return DedupKey.of("calmspace", "p-" + UUID.randomUUID(), 1, EventType.CREATED);
    }

    @Test
    void shouldReserveOnceThenSeeTheSubmissionInProgress() {
        DedupKey key = newKey();

        assertThat(guard.reserve(List.of(key), "request-1")).containsExactly(Reservation.RESERVED);
        assertThat(guard.reserve(List.of(key), "request-2")).containsExactly(Reservation.IN_PROGRESS);
        long pttl = jedis.pttl(RedisDuplicateGuard.redisKey(key));
        assertThat(pttl).isBetween(PENDING.toMillis() - 5_000, PENDING.toMillis());
    }

    @Test
    void shouldAnswerDuplicateOnceConfirmedAndRememberItForTheTtl() {
        DedupKey key = newKey();
        guard.reserve(List.of(key), "request-1");

        guard.confirm(List.of(key), "request-1");

        assertThat(guard.reserve(List.of(key), "request-2")).containsExactly(Reservation.DUPLICATE);
        assertThat(jedis.pttl(RedisDuplicateGuard.redisKey(key))).isBetween(TTL.toMillis() - 5_000, TTL.toMillis());
    }

    @Test
    void shouldLetARetryReserveAgainOnceReleased() {
        DedupKey key = newKey();
        guard.reserve(List.of(key), "request-1");

        guard.release(List.of(key), "request-1");

        assertThat(guard.reserve(List.of(key), "request-2")).containsExactly(Reservation.RESERVED);
    }

    @Test
    void shouldNotReleaseOrConfirmAReservationOfAnotherRequest() {
        DedupKey key = newKey();
        guard.reserve(List.of(key), "owner");

        guard.release(List.of(key), "intruder");
        guard.confirm(List.of(key), "intruder");

        assertThat(jedis.get(RedisDuplicateGuard.redisKey(key))).isEqualTo("p:owner");
        assertThat(guard.reserve(List.of(key), "third")).containsExactly(Reservation.IN_PROGRESS);
    }

    @Test
    void shouldConfirmEvenWhenTheReservationLapsedDuringASlowWrite() {
        DedupKey key = newKey();
        guard.reserve(List.of(key), "slow");
        jedis.del(RedisDuplicateGuard.redisKey(key));

        guard.confirm(List.of(key), "slow");

        assertThat(guard.reserve(List.of(key), "later")).containsExactly(Reservation.DUPLICATE);
    }

    @Test
    void shouldTellADeletionFromTheRevisionItDeletes() {
        String postId = "p-" + UUID.randomUUID();
        DedupKey created = DedupKey.of("calmspace", postId, 1, EventType.CREATED);
        DedupKey edited = DedupKey.of("calmspace", postId, 1, EventType.EDITED);
        DedupKey deleted = DedupKey.of("calmspace", postId, 1, EventType.DELETED);
        guard.reserve(List.of(created), "a");
        guard.confirm(List.of(created), "a");

        assertThat(guard.reserve(List.of(edited, deleted), "b"))
                .containsExactly(Reservation.DUPLICATE, Reservation.RESERVED);
    }

    @Test
    void shouldAnswerEachKeyOfABatchInOrder() {
        DedupKey accepted = newKey();
        DedupKey pending = newKey();
        DedupKey fresh = newKey();
        guard.reserve(List.of(accepted, pending), "earlier");
        guard.confirm(List.of(accepted), "earlier");

        assertThat(guard.reserve(List.of(fresh, accepted, pending), "now"))
                .containsExactly(Reservation.RESERVED, Reservation.DUPLICATE, Reservation.IN_PROGRESS);
    }

    @Test
    void shouldKeepPlatformsApart() {
        String postId = "p-" + UUID.randomUUID();
        DedupKey calmspace = DedupKey.of("calmspace", postId, 1, EventType.CREATED);
        DedupKey mindful = DedupKey.of("mindful", postId, 1, EventType.CREATED);
        guard.reserve(List.of(calmspace), "a");
        guard.confirm(List.of(calmspace), "a");

        assertThat(guard.reserve(List.of(mindful), "b")).containsExactly(Reservation.RESERVED);
    }
}
