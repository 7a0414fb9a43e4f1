package dev.modpipe.review.escalation;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.Evidence;
import dev.modpipe.model.RiskLevel;
import dev.modpipe.review.queue.ReviewItem;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bodies of notifications, per channel. They carry what on-call staff need to act (platform,
 * post id and link, risk, evidence spans, the author's recent risk history) and never an author id
 * (not even the pseudonymous one). Thread-safe.
 */
@Singleton
public class AlertMessages {
    private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() {};

    private final EscalationConfig config;

    public AlertMessages(EscalationConfig config) {
        this.config = config;
    }

    /** The JSON body for a target. */
    public byte[] body(TargetConfig target, Alert alert, DeliveryKind kind, List<ReviewItem> authorHistory) {
        Object body =
                switch (target.channel()) {
                    case WEBHOOK -> generic(alert, kind, authorHistory);
                    case PAGERDUTY -> pagerDuty(target, alert, kind, authorHistory);
                    case SLACK -> slack(alert, kind, authorHistory);
                };
        return EventJson.write(body);
    }

    /** The generic JSON webhook: the whole alert. */
    Map<String, Object> generic(Alert alert, DeliveryKind kind, List<ReviewItem> authorHistory) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "modpipe.crisis-alert");
        json.put("event", kind.eventAction());
        json.put("alertId", alert.alertId());
        json.put("state", alert.state().name());
        json.put("risk", alert.risk().name());
        json.put("tier", alert.tier());
        json.put("tierName", alert.tierName());
        json.put("platform", alert.platform());
        json.put("postId", alert.postId());
        json.put("itemId", alert.itemId());
        String link = link(alert);
        if (link != null) {
            json.put("link", link);
        }
        if (alert.receivedAt() != null) {
            json.put("receivedAt", alert.receivedAt().toString());
        }
        json.put("openedAt", alert.openedAt().toString());
        if (alert.ackedBy() != null) {
            json.put("acknowledgedBy", alert.ackedBy());
        }
        if (alert.resolvedBy() != null) {
            json.put("resolvedBy", alert.resolvedBy());
        }
        if (alert.cancelReason() != null) {
            json.put("cancelReason", alert.cancelReason());
        }
        json.put("evidence", evidence(alert));
        json.put("authorRecentHistory", history(alert, authorHistory));
        return json;
    }

    /** A PagerDuty Events API v2 event: trigger with details, acknowledge / resolve by dedup key. */
    Map<String, Object> pagerDuty(TargetConfig target, Alert alert, DeliveryKind kind, List<ReviewItem> authorHistory) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("routing_key", target.routingKey());
        json.put("event_action", kind.eventAction());
        json.put("dedup_key", alert.alertId());
        if (kind == DeliveryKind.TRIGGER) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("summary", summary(alert));
            payload.put("severity", alert.risk() == RiskLevel.IMMINENT ? "critical" : "error");
            payload.put("source", "modpipe/" + alert.platform());
            payload.put("component", "review-service");
            payload.put("group", alert.platform());
            payload.put("class", "self-harm-risk");
            Map<String, Object> details = generic(alert, kind, authorHistory);
            details.remove("type");
            payload.put("custom_details", details);
            json.put("payload", payload);
            json.put("client", "modpipe review-service");
            String link = link(alert);
            if (link != null) {
                json.put("links", List.of(Map.of("href", link, "text", "The post")));
            }
        }
        return json;
    }

    /** A Slack incoming-webhook message: {@code text} (fallback) and {@code blocks}. */
    Map<String, Object> slack(Alert alert, DeliveryKind kind, List<ReviewItem> authorHistory) {
        String text =
                switch (kind) {
                    case TRIGGER -> summary(alert) + ". Acknowledge in review-service (alert " + alert.alertId() + ").";
                    case ACKNOWLEDGE ->
                        "Crisis alert " + alert.alertId() + " (" + alert.platform() + " post " + alert.postId()
                                + ") acknowledged by " + alert.ackedBy() + ".";
                    case RESOLVE ->
                        "Crisis alert " + alert.alertId() + " (" + alert.platform() + " post " + alert.postId() + ") "
                                + (alert.cancelReason() != null
                                        ? "cancelled: " + alert.cancelReason()
                                        : "resolved by " + alert.resolvedBy())
                                + ".";
                };
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "section", "text", mrkdwn(escape(text))));
        if (kind == DeliveryKind.TRIGGER) {
            String link = link(alert);
            String post = link == null ? escape(alert.postId()) : "<" + link + "|" + escape(alert.postId()) + ">";
            blocks.add(Map.of(
                    "type",
                    "section",
                    "fields",
                    List.of(
                            mrkdwn("*Risk*\n" + alert.risk()),
                            mrkdwn("*Platform*\n" + escape(alert.platform())),
                            mrkdwn("*Post*\n" + post),
                            mrkdwn("*Tier*\n" + alert.tier() + " (" + escape(alert.tierName()) + ")"))));
            StringBuilder spans = new StringBuilder("*Evidence*");
            for (Evidence e : evidence(alert)) {
                spans.append("\n• ")
                        .append(e.category())
                        .append(" / ")
                        .append(escape(e.cue()))
                        .append(": \"")
                        .append(escape(e.text()))
                        .append("\" [")
                        .append(e.start())
                        .append('-')
                        .append(e.end())
                        .append(']');
            }
            blocks.add(Map.of("type", "section", "text", mrkdwn(spans.toString())));
            List<Map<String, Object>> history = history(alert, authorHistory);
            String recent = history.isEmpty()
                    ? "No other flagged posts of this author recently."
                    : "Author's recent flagged posts: "
                            + history.stream()
                                    .map(h -> h.get("risk") + " " + h.get("priorityClass") + " (" + h.get("receivedAt")
                                            + ")")
                                    .reduce((a, b) -> a + "; " + b)
                                    .orElse("");
            blocks.add(Map.of("type", "context", "elements", List.of(mrkdwn(escape(recent)))));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("text", text);
        json.put("blocks", blocks);
        return json;
    }

    /** One line naming the risk and the post, never its text. */
    String summary(Alert alert) {
        return alert.risk() + " self-harm risk: " + alert.platform() + " post " + alert.postId() + " (tier "
                + alert.tier() + ", " + alert.tierName() + ")";
    }

    @Nullable
    String link(Alert alert) {
        if (config.linkTemplate().isEmpty()) {
            return null;
        }
        return config.linkTemplate()
                .replace("{platform}", URLEncoder.encode(alert.platform(), StandardCharsets.UTF_8))
                .replace("{postId}", URLEncoder.encode(alert.postId(), StandardCharsets.UTF_8));
    }

    private static List<Evidence> evidence(Alert alert) {
        try {
            return EventJson.mapper().readValue(alert.evidence(), EVIDENCE);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<Map<String, Object>> history(Alert alert, List<ReviewItem> items) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ReviewItem item : items) {
            if (item.itemId().equals(alert.itemId())) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("postId", item.postId());
            entry.put("receivedAt", item.since().toString());
            entry.put("risk", item.risk().name());
            entry.put("priorityClass", item.queueClass().name());
            entry.put("state", item.state().name());
            out.add(entry);
        }
        return out;
    }

    private static Map<String, Object> mrkdwn(String text) {
        return Map.of("type", "mrkdwn", "text", text);
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
