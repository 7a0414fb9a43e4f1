package dev.modpipe.review.api;

import dev.modpipe.model.Category;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.Evidence;
import dev.modpipe.model.ModerationAction;
import dev.modpipe.model.ModerationDecision;
import dev.modpipe.model.PostClassified;
import dev.modpipe.model.RiskLevel;
import dev.modpipe.review.queue.ItemState;
import dev.modpipe.review.queue.QueueClass;
import dev.modpipe.review.queue.ReviewItem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An item with what a moderator needs to decide: the latest verdict, its evidence spans, and the
 * author's recent flagged items (by the author's pseudonymous id) to show a pattern.
 */
@Serdeable
public record ItemDetailView(
        ItemView item,
        @Nullable ClassificationView classification,
        List<EvidenceView> evidence,
        @Nullable String authorRef,
        List<HistoryEntryView> authorHistory,
        @Nullable DecisionView decision) {

    /**
     * The classifier's verdict on the item's latest revision, with the classified text (title, a
     * newline, the body) that the evidence offsets index, when the classifier sent it.
     */
    @Serdeable
    public record ClassificationView(
            int revision,
            String modelVersion,
            Instant classifiedAt,
            @Nullable Instant receivedAt,
            Map<Category, Double> scores,
            Map<String, Double> subcategories,
            RiskLevel selfHarmRisk,
            List<Category> flags,
            boolean flagged,
            boolean degraded,
            @Nullable String language,
            @Nullable String text) {

        static ClassificationView of(PostClassified v) {
            return new ClassificationView(
                    v.revision(),
                    v.modelVersion(),
                    v.classifiedAt(),
                    v.receivedAt(),
                    v.scores(),
                    v.subcategories(),
                    v.selfHarmRisk(),
                    v.flags(),
                    v.flagged(),
                    v.degraded(),
                    v.language(),
                    v.text());
        }
    }

    /** A span of the post's text that supports a score. */
    @Serdeable
    public record EvidenceView(Category category, String cue, int start, int end, String text) {
        public static EvidenceView of(Evidence e) {
            return new EvidenceView(e.category(), e.cue(), e.start(), e.end(), e.text());
        }
    }

    /** One of the author's other flagged items. */
    @Serdeable
    public record HistoryEntryView(
            String itemId,
            String postId,
            Instant receivedAt,
            QueueClass priorityClass,
            RiskLevel risk,
            List<Category> categories,
            ItemState state,
            @Nullable ModerationAction decision) {

        static HistoryEntryView of(ReviewItem item) {
            ModerationAction action = item.decision() == null
                    ? null
                    : EventJson.read(item.decision().getBytes(StandardCharsets.UTF_8), ModerationDecision.class)
                            .action();
            return new HistoryEntryView(
                    item.itemId(),
                    item.postId(),
                    item.since(),
                    item.queueClass(),
                    item.risk(),
                    item.flags(),
                    item.state(),
                    action);
        }
    }

    public static ItemDetailView of(ReviewItem item, List<ReviewItem> history, Instant now) {
        PostClassified verdict = item.classification() == null
                ? null
                : EventJson.read(item.classification().getBytes(StandardCharsets.UTF_8), PostClassified.class);
        ModerationDecision decision = item.decision() == null
                ? null
                : EventJson.read(item.decision().getBytes(StandardCharsets.UTF_8), ModerationDecision.class);
        return new ItemDetailView(
                ItemView.of(item, now),
                verdict == null ? null : ClassificationView.of(verdict),
                verdict == null
                        ? List.of()
                        : verdict.evidence().stream().map(EvidenceView::of).toList(),
                item.authorId(),
                history.stream()
                        .filter(h -> !h.itemId().equals(item.itemId()))
                        .map(HistoryEntryView::of)
                        .toList(),
                decision == null ? null : DecisionView.of(decision));
    }
}
