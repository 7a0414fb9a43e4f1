package dev.modpipe.review.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.modpipe.model.Category;
import dev.modpipe.model.ModerationAction;
import dev.modpipe.model.PostClassified;
import dev.modpipe.model.RiskLevel;
import dev.modpipe.model.Subcategory;
import dev.modpipe.review.audit.AuditEntry;
import dev.modpipe.review.audit.RedisAuditLog;
import dev.modpipe.review.queue.ItemIds;
import dev.modpipe.review.queue.ItemNotFoundException;
import dev.modpipe.review.queue.ItemState;
import dev.modpipe.review.queue.ItemUpdate;
import dev.modpipe.review.queue.Lane;
import dev.modpipe.review.queue.QueueFilter;
import dev.modpipe.review.queue.ReviewItem;
import dev.modpipe.review.support.RedisFixture;
import dev.modpipe.review.support.Verdicts;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class RedisClaimStoreTest {
    private static final Duration LEASE = Duration.ofMinutes(5);

    @AutoClose
    private final RedisFixture redis = RedisFixture.fresh();

    private final ClaimStore claims = redis.claims;

    private String enqueue(PostClassified verdict) {
        return redis.queue
                .apply(ItemUpdate.of(verdict, ItemIds.forRevision(verdict.key(), verdict.revision())))
                .itemId();
    }

    private Optional<ReviewItem> claim(String user, Duration lease) {
        return claims.claim(user, QueueFilter.NONE, Lane.MAIN, lease).item();
    }

    @Test
    void shouldLeaseTheHighestPriorityItemToTheCaller() {
        enqueue(Verdicts.post("hate")
                .harmful(Subcategory.HATE)
                .receivedAgo(Duration.ofMinutes(30))
                .build());
        String imminent = enqueue(Verdicts.post("imminent")
                .selfHarm(RiskLevel.IMMINENT, Subcategory.INTENT_PLAN)
                .build());

        ReviewItem item = claim("mod-a", LEASE).orElseThrow();

        assertThat(item.itemId()).isEqualTo(imminent);
        assertThat(item.state()).isEqualTo(ItemState.CLAIMED);
        assertThat(item.holder()).isEqualTo("mod-a");
        assertThat(item.leaseUntil()).isAfter(Clock.systemUTC().instant().plus(Duration.ofMinutes(4)));
        assertThat(redis.queue.list(QueueFilter.NONE, Lane.MAIN, 10, null).items())
                .extracting(ReviewItem::postId)
                .containsExactly("hate");
        assertThat(claims.claim("mod-b", new QueueFilter(Category.SELF_HARM, null, null), Lane.MAIN, LEASE)
                        .item())
                .isEmpty();
    }

    @Test
    void shouldNeverGiveTheSameItemToTwoClaimersOnTwoInstances() throws Exception {
        // Given 60 items and two "service instances" (own pools) on the same Redis
        int items = 60;
        for (int i = 0; i < items; i++) {
            enqueue(Verdicts.post("race-" + i)
                    .harmful(Subcategory.SCAM)
                    .receivedAgo(Duration.ofSeconds(i))
                    .build());
        }
        try (RedisFixture other = redis.sibling()) {
            List<ClaimStore> instances = List.of(redis.claims, other.claims);
            List<String> claimed = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(16);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            // When 16 moderators claim concurrently until the queue is empty
            for (int t = 0; t < 16; t++) {
                ClaimStore store = instances.get(t % 2);
                String user = "mod-" + t;
                Callable<Integer> worker = () -> {
                    start.await();
                    int n = 0;
                    Optional<ReviewItem> item;
                    while ((item = store.claim(user, QueueFilter.NONE, Lane.MAIN, LEASE)
                                    .item())
                            .isPresent()) {
                        assertThat(item.get().holder()).isEqualTo(user);
                        claimed.add(item.get().itemId());
                        n++;
                    }
                    return n;
                };
                results.add(pool.submit(worker));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get();
            }
            pool.shutdown();

            // Then every item was claimed exactly once
            assertThat(total).isEqualTo(items);
            assertThat(claimed).hasSize(items).doesNotHaveDuplicates();
            assertThat(redis.queue.claimed(100)).hasSize(items);
        }
    }

    @Test
    void shouldReturnAnItemToTheQueueWhenItsLeaseEnds() {
        String id = enqueue(Verdicts.post("p").harmful(Subcategory.HATE).build());
        assertThat(claim("mod-a", Duration.ofMillis(300))).isPresent();
        assertThat(claim("mod-b", LEASE)).isEmpty();

        // the lease ends; the reaper (or the next claim) returns the item
        await().atMost(Duration.ofSeconds(5)).until(() -> claims.reapExpired(100) == 1);

        ReviewItem back = redis.queue.find(id).orElseThrow();
        assertThat(back.state()).isEqualTo(ItemState.OPEN);
        assertThat(back.holder()).isNull();
        assertThat(claim("mod-b", LEASE)).map(ReviewItem::itemId).contains(id);
        List<AuditEntry> audit = new RedisAuditLog(redis.jedis, redis.keys, Clock.systemUTC())
                .read(id, null, 10, null)
                .entries();
        assertThat(audit)
                .extracting(AuditEntry::action)
                .containsExactly("ENQUEUED", "CLAIMED", "LEASE_EXPIRED", "CLAIMED");
        assertThat(audit.get(2).before()).contains("\"holder\":\"mod-a\"");
        assertThat(audit.get(3).actor()).isEqualTo("mod-b");
    }

    @Test
    void shouldLetAnExpiredLeaseBeClaimedAgainWithoutWaitingForTheReaper() {
        String id = enqueue(Verdicts.post("p").harmful(Subcategory.HATE).build());
        claim("mod-a", Duration.ofMillis(200)).orElseThrow();

        await().atMost(Duration.ofSeconds(5)).until(() -> claim("mod-b", LEASE).isPresent());

        assertThat(redis.queue.find(id).orElseThrow().holder()).isEqualTo("mod-b");
        assertThatThrownBy(() -> claims.holdForDecision(id, "mod-a", Duration.ofSeconds(30)))
                .isInstanceOf(ClaimConflictException.class)
                .extracting(e -> ((ClaimConflictException) e).reason())
                .isEqualTo(ClaimConflictException.Reason.NOT_HOLDER);
    }

    @Test
    void shouldLetOnlyTheHolderReleaseOrDecideUnlessALeadForcesARelease() {
        String id = enqueue(Verdicts.post("p").harmful(Subcategory.HATE).build());
        claim("mod-a", LEASE).orElseThrow();

        assertThatThrownBy(() -> claims.release(id, "mod-b", false))
                .isInstanceOf(ClaimConflictException.class)
                .hasMessageContaining("claimed by another user");
        assertThatThrownBy(() -> claims.recordDecision(id, "mod-b", ModerationAction.REMOVE, "{}"))
                .isInstanceOf(ClaimConflictException.class);
        assertThatThrownBy(() -> claims.release("00000000-0000-0000-0000-000000000000", "mod-a", false))
                .isInstanceOf(ItemNotFoundException.class);

        claims.release(id, "lead", true);
        assertThat(redis.queue.find(id).orElseThrow().state()).isEqualTo(ItemState.OPEN);
        assertThatThrownBy(() -> claims.release(id, "mod-a", false))
                .isInstanceOf(ClaimConflictException.class)
                .extracting(e -> ((ClaimConflictException) e).reason())
                .isEqualTo(ClaimConflictException.Reason.NOT_CLAIMED);
    }

    @Test
    void shouldExtendTheLeaseWhileADecisionIsPublishedAndCloseTheItemOnRecord() {
        String id = enqueue(Verdicts.post("p").harmful(Subcategory.HATE).build());
        claim("mod-a", Duration.ofSeconds(2)).orElseThrow();

        ReviewItem held = claims.holdForDecision(id, "mod-a", Duration.ofSeconds(60));
        claims.recordDecision(id, "mod-a", ModerationAction.REMOVE, "{\"action\":\"REMOVE\"}");

        assertThat(held.leaseUntil()).isAfter(Clock.systemUTC().instant().plus(Duration.ofSeconds(50)));
        ReviewItem closed = redis.queue.find(id).orElseThrow();
        assertThat(closed.state()).isEqualTo(ItemState.DECIDED);
        assertThat(closed.closedReason()).isEqualTo("REMOVE");
        assertThat(redis.queue.claimed(10)).isEmpty();
        assertThat(redis.queue.postState(closed.postKey()).openItemId()).isNull();
    }

    @Test
    void shouldMoveAnEscalatedItemToTheLeadsLane() {
        String id = enqueue(Verdicts.post("p")
                .selfHarm(RiskLevel.MODERATE, Subcategory.IDEATION)
                .build());
        claim("mod-a", LEASE).orElseThrow();

        claims.recordDecision(id, "mod-a", ModerationAction.ESCALATE, "{\"action\":\"ESCALATE\"}");

        assertThat(claim("mod-b", LEASE)).isEmpty();
        assertThat(redis.queue.list(QueueFilter.NONE, Lane.ESCALATED, 10, null).items())
                .extracting(ReviewItem::itemId)
                .containsExactly(id);
        ReviewItem leads = claims.claim("lead", QueueFilter.NONE, Lane.ESCALATED, LEASE)
                .item()
                .orElseThrow();
        assertThat(leads.itemId()).isEqualTo(id);
        assertThat(leads.lane()).isEqualTo(Lane.ESCALATED);
    }
}
