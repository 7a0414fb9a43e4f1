package dev.modpipe.review.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modpipe.model.Category;
import dev.modpipe.model.PostClassified;
import dev.modpipe.model.RiskLevel;
import dev.modpipe.model.Subcategory;
import dev.modpipe.review.audit.AuditEntry;
import dev.modpipe.review.audit.RedisAuditLog;
import dev.modpipe.review.support.RedisFixture;
import dev.modpipe.review.support.Verdicts;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class RedisReviewQueueTest {
    @AutoClose
    private final RedisFixture redis = RedisFixture.fresh();

    private final RedisReviewQueue queue = redis.queue;

    private UpsertResult apply(PostClassified verdict) {
        PostState state = queue.postState(verdict.key());
        String id = state.openItemId() != null
                ? state.openItemId()
                : ItemIds.forRevision(verdict.key(), verdict.revision());
        return queue.apply(ItemUpdate.of(verdict, id));
    }

    private List<String> listedPostIds(QueueFilter filter) {
        return queue.list(filter, Lane.MAIN, 100, null).items().stream()
                .map(ReviewItem::postId)
                .toList();
    }

    @Test
    void shouldOrderByRiskThenCategoryThenOldestFirst() {
        // Given items of every class, the least urgent received first
        apply(Verdicts.post("misinfo")
                .misinformation()
                .receivedAgo(Duration.ofMinutes(50))
                .build());
        apply(Verdicts.post("harassment")
                .harmful(Subcategory.HARASSMENT)
                .receivedAgo(Duration.ofMinutes(40))
                .build());
        apply(Verdicts.post("scam-newer")
                .harmful(Subcategory.SCAM)
                .receivedAgo(Duration.ofMinutes(5))
                .build());
        apply(Verdicts.post("ideation")
                .selfHarm(RiskLevel.MODERATE, Subcategory.IDEATION)
                .receivedAgo(Duration.ofMinutes(30))
                .build());
        apply(Verdicts.post("threat")
                .harmful(Subcategory.THREAT)
                .receivedAgo(Duration.ofMinutes(20))
                .build());
        apply(Verdicts.post("high")
                .selfHarm(RiskLevel.HIGH, Subcategory.IDEATION)
                .receivedAgo(Duration.ofMinutes(3))
                .build());
        apply(Verdicts.post("imminent")
                .selfHarm(RiskLevel.IMMINENT, Subcategory.INTENT_PLAN)
                .receivedAgo(Duration.ofMinutes(1))
                .build());

        // When the queue is listed
        List<String> order = listedPostIds(QueueFilter.NONE);

        // Then IMMINENT > HIGH > threat > other self-harm > harassment/hate/scam > misinformation, oldest first
        assertThat(order)
                .containsExactly("imminent", "high", "threat", "ideation", "harassment", "scam-newer", "misinfo");
    }

    @Test
    void shouldRankOverdueItemsAboveItemsWithinTheirSlaButBelowHighRisk() {
        // Given misinformation 25 h old (SLA 24 h), a fresh threat and a fresh HIGH
        apply(Verdicts.post("old-misinfo")
                .misinformation()
                .receivedAgo(Duration.ofHours(25))
                .build());
        apply(Verdicts.post("fresh-threat")
                .harmful(Subcategory.THREAT)
                .receivedAgo(Duration.ofMinutes(1))
                .build());
        apply(Verdicts.post("fresh-high")
                .selfHarm(RiskLevel.HIGH, Subcategory.IDEATION)
                .receivedAgo(Duration.ofMinutes(1))
                .build());
        apply(Verdicts.post("overdue-hate")
                .harmful(Subcategory.HATE)
                .receivedAgo(Duration.ofHours(5))
                .build());

        // When listed
        List<ReviewItem> items =
                queue.list(QueueFilter.NONE, Lane.MAIN, 10, null).items();

        // Then overdue items rise above items within their SLA (by class), HIGH stays first
        assertThat(items)
                .extracting(ReviewItem::postId)
                .containsExactly("fresh-high", "overdue-hate", "old-misinfo", "fresh-threat");
        assertThat(items.get(2).overdueAt(Clock.systemUTC().instant())).isTrue();
        assertThat(items.get(3).overdueAt(Clock.systemUTC().instant())).isFalse();

        // And the SLA sweep marks and counts each overdue item once
        assertThat(queue.sweepSla(100)).containsExactlyInAnyOrder(QueueClass.HARMFUL, QueueClass.MISINFORMATION);
        assertThat(queue.sweepSla(100)).isEmpty();
        assertThat(queue.stats().byClass().get(QueueClass.MISINFORMATION).overdue())
                .isEqualTo(1);
        assertThat(queue.stats().byClass().get(QueueClass.MISINFORMATION).oldestAge())
                .isGreaterThan(Duration.ofHours(24));
    }

    @Test
    void shouldNotDuplicateARedeliveredVerdict() {
        PostClassified verdict = Verdicts.post("p-1").harmful(Subcategory.HATE).build();

        UpsertResult first = apply(verdict);
        UpsertResult again = apply(verdict);

        assertThat(first.outcome()).isEqualTo(UpsertOutcome.CREATED);
        assertThat(again).isEqualTo(new UpsertResult(UpsertOutcome.DUPLICATE, first.itemId()));
        assertThat(listedPostIds(QueueFilter.NONE)).containsExactly("p-1");
        List<AuditEntry> audit = new RedisAuditLog(redis.jedis, redis.keys, Clock.systemUTC())
                .read(first.itemId(), null, 100, null)
                .entries();
        assertThat(audit).extracting(AuditEntry::action).containsExactly("ENQUEUED");
        assertThat(audit.get(0).actor()).isEqualTo("intake");
    }

    @Test
    void shouldNotLetAnOlderRevisionOverwriteANewerOne() {
        UpsertResult created = apply(
                Verdicts.post("p-2").revision(2).harmful(Subcategory.THREAT).build());

        UpsertResult stale =
                apply(Verdicts.post("p-2").revision(1).misinformation().build());

        assertThat(stale.outcome()).isEqualTo(UpsertOutcome.STALE);
        ReviewItem item = queue.find(created.itemId()).orElseThrow();
        assertThat(item.revision()).isEqualTo(2);
        assertThat(item.queueClass()).isEqualTo(QueueClass.THREAT);
    }

    @Test
    void shouldUpdateTheOpenItemAndNeverLowerItsClassWhileOpen() {
        UpsertResult created =
                apply(Verdicts.post("p-3").harmful(Subcategory.HARASSMENT).build());

        UpsertResult raised = apply(
                Verdicts.post("p-3").revision(2).harmful(Subcategory.THREAT).build());
        UpsertResult lowered =
                apply(Verdicts.post("p-3").revision(3).misinformation().build());

        assertThat(raised).isEqualTo(new UpsertResult(UpsertOutcome.UPDATED, created.itemId()));
        assertThat(lowered).isEqualTo(new UpsertResult(UpsertOutcome.UPDATED, created.itemId()));
        ReviewItem item = queue.find(created.itemId()).orElseThrow();
        assertThat(item.revision()).isEqualTo(3);
        assertThat(item.queueClass()).isEqualTo(QueueClass.THREAT);
        assertThat(item.flags()).containsExactlyInAnyOrder(Category.HARMFUL, Category.MISINFORMATION);
        assertThat(listedPostIds(QueueFilter.NONE)).containsExactly("p-3");
    }

    @Test
    void shouldCloseTheItemWhenThePostIsDeletedAndIgnoreLaterVerdicts() {
        UpsertResult created = apply(Verdicts.post("p-4")
                .selfHarm(RiskLevel.MODERATE, Subcategory.IDEATION)
                .text("I keep thinking about it every night")
                .build());
        assertThat(queue.find(created.itemId()).orElseThrow().classification())
                .contains("I keep thinking about it every night");

        UpsertResult deleted = queue.apply(ItemUpdate.of(Verdicts.post("p-4").deleted(), "unused"));
        UpsertResult late =
                apply(Verdicts.post("p-4").revision(2).harmful(Subcategory.HATE).build());

        assertThat(deleted).isEqualTo(new UpsertResult(UpsertOutcome.CLOSED, created.itemId()));
        assertThat(late.outcome()).isEqualTo(UpsertOutcome.IGNORED_DELETED);
        ReviewItem item = queue.find(created.itemId()).orElseThrow();
        assertThat(item.state()).isEqualTo(ItemState.CLOSED);
        assertThat(item.closedReason()).isEqualTo("DELETED");
        assertThat(item.classification())
                .as("a deleted post's text leaves Redis")
                .isNull();
        assertThat(listedPostIds(QueueFilter.NONE)).isEmpty();
        assertThat(redis.jedis.ttl(redis.keys.item(created.itemId()))).isPositive();
    }

    @Test
    void shouldCloseAHarmfulItemButKeepASelfHarmItemWhenAnEditIsNoLongerFlagged() {
        UpsertResult harmful =
                apply(Verdicts.post("hate").harmful(Subcategory.HATE).build());
        UpsertResult selfHarm = apply(Verdicts.post("ideation")
                .selfHarm(RiskLevel.LOW, Subcategory.IDEATION)
                .build());

        UpsertResult closed = apply(Verdicts.post("hate").revision(2).build());
        UpsertResult kept = apply(Verdicts.post("ideation").revision(2).build());
        UpsertResult notFlagged = apply(Verdicts.post("benign").build());

        assertThat(closed).isEqualTo(new UpsertResult(UpsertOutcome.CLOSED, harmful.itemId()));
        assertThat(queue.find(harmful.itemId()).orElseThrow().closedReason()).isEqualTo("NOT_FLAGGED");
        assertThat(kept).isEqualTo(new UpsertResult(UpsertOutcome.KEPT, selfHarm.itemId()));
        ReviewItem item = queue.find(selfHarm.itemId()).orElseThrow();
        assertThat(item.state()).isEqualTo(ItemState.OPEN);
        assertThat(item.lastFlagged()).isFalse();
        assertThat(item.revision()).isEqualTo(2);
        assertThat(notFlagged).isEqualTo(new UpsertResult(UpsertOutcome.NOT_FLAGGED, null));
        assertThat(listedPostIds(QueueFilter.NONE)).containsExactly("ideation");
    }

    @Test
    void shouldFilterByCategoryRiskAndLanguage() {
        apply(Verdicts.post("es-ideation")
                .language("es-MX")
                .selfHarm(RiskLevel.MODERATE, Subcategory.IDEATION)
                .build());
        apply(Verdicts.post("en-high")
                .language("en")
                .selfHarm(RiskLevel.HIGH, Subcategory.IDEATION)
                .build());
        apply(Verdicts.post("es-scam").language("es").harmful(Subcategory.SCAM).build());
        apply(Verdicts.post("de-misinfo").language("de").misinformation().build());

        assertThat(listedPostIds(new QueueFilter(Category.SELF_HARM, null, null)))
                .containsExactly("en-high", "es-ideation");
        assertThat(listedPostIds(new QueueFilter(null, RiskLevel.MODERATE, null)))
                .containsExactly("es-ideation");
        assertThat(listedPostIds(new QueueFilter(null, null, "es"))).containsExactly("es-ideation", "es-scam");
        assertThat(listedPostIds(new QueueFilter(Category.HARMFUL, null, "ES"))).containsExactly("es-scam");
        assertThat(queue.find(ItemIds.forRevision(Verdicts.PLATFORM + ":es-ideation", 1))
                        .orElseThrow()
                        .language())
                .isEqualTo("es-mx");
    }

    @Test
    void shouldPageThroughTheQueueWithACursor() {
        for (int i = 0; i < 25; i++) {
            apply(Verdicts.post("p" + i)
                    .harmful(Subcategory.HATE)
                    .receivedAgo(Duration.ofSeconds(100 - i))
                    .build());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            QueuePage page = queue.list(QueueFilter.NONE, Lane.MAIN, 10, cursor);
            page.items().forEach(i -> seen.add(i.postId()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 10);

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            expected.add("p" + i);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThatThrownBy(() -> queue.list(QueueFilter.NONE, Lane.MAIN, 10, "not-a-cursor"))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void shouldKeepTheAuthorsFlaggedHistory() {
        apply(Verdicts.post("a1")
                .author("author-x")
                .harmful(Subcategory.HARASSMENT)
                .receivedAgo(Duration.ofHours(2))
                .build());
        apply(Verdicts.post("a2")
                .author("author-x")
                .selfHarm(RiskLevel.MODERATE, Subcategory.IDEATION)
                .receivedAgo(Duration.ofHours(1))
                .build());
        apply(Verdicts.post("b1").author("author-y").misinformation().build());

        List<ReviewItem> history = queue.authorHistory(Verdicts.PLATFORM, "author-x", 10);

        assertThat(history).extracting(ReviewItem::postId).containsExactly("a2", "a1");
        assertThat(history.get(0).queueClass()).isEqualTo(QueueClass.SELF_HARM);
    }
}
