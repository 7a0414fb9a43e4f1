package dev.modpipe.review.api;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.modpipe.model.AlertState;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.Evidence;
import dev.modpipe.model.RiskLevel;
import dev.modpipe.review.escalation.Alert;
import dev.modpipe.review.escalation.AlertHistoryEntry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * A crisis alert for on-call staff: the post, the risk, the evidence, where the escalation stands
 * and (in the detail) its history, including every delivery attempt. Never an author id.
 */
@Serdeable
public record AlertView(
        String alertId,
        String itemId,
        String platform,
        String postId,
        RiskLevel risk,
        AlertState state,
        int tier,
        String tierName,
        Instant openedAt,
        @Nullable Instant receivedAt,
        @Nullable Instant notifiedAt,
        @Nullable Instant nextEscalationAt,
        boolean exhausted,
        @Nullable Instant ackedAt,
        @Nullable String ackedBy,
        @Nullable Instant resolvedAt,
        @Nullable String resolvedBy,
        @Nullable Instant cancelledAt,
        @Nullable String cancelReason,
        List<ItemDetailView.EvidenceView> evidence,
        @Nullable List<AlertHistoryEntry> history) {

    private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() {};

    public static AlertView of(Alert a, @Nullable List<AlertHistoryEntry> history) {
        return new AlertView(
                a.alertId(),
                a.itemId(),
                a.platform(),
                a.postId(),
                a.risk(),
                a.state(),
                a.tier(),
                a.tierName(),
                a.openedAt(),
                a.receivedAt(),
                a.notifiedAt(),
                a.nextEscalationAt(),
                a.exhausted(),
                a.ackedAt(),
                a.ackedBy(),
                a.resolvedAt(),
                a.resolvedBy(),
                a.cancelledAt(),
                a.cancelReason(),
                evidence(a.evidence()),
                history);
    }

    private static List<ItemDetailView.EvidenceView> evidence(String json) {
        try {
            return EventJson.mapper().readValue(json, EVIDENCE).stream()
                    .map(ItemDetailView.EvidenceView::of)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
