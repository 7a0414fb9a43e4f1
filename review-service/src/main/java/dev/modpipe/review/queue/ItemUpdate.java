package dev.modpipe.review.queue;

import dev.modpipe.model.Category;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.EventType;
import dev.modpipe.model.PostClassified;
import dev.modpipe.model.RiskLevel;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One verdict, ready to be applied to the queue: what the intake script needs.
 *
 * @param itemId the id a new item gets (see {@link ItemIds})
 * @param queueClass the class the verdict puts the post in, null when it is not flagged
 * @param risk the risk the item carries (the classifier's, or raised)
 * @param raisedFrom the classifier's own risk when {@code risk} was raised, else null
 * @param since when the post was received (falls back to classification time)
 * @param actor who applies it, for the audit log
 */
public record ItemUpdate(
        PostClassified verdict,
        String itemId,
        @Nullable QueueClass queueClass,
        RiskLevel risk,
        @Nullable RiskLevel raisedFrom,
        Instant since,
        String actor) {

    public static final String INTAKE_ACTOR = "intake";

    /** The update for a verdict at its classifier's risk. */
    public static ItemUpdate of(PostClassified verdict, String itemId) {
        return of(verdict, itemId, verdict.selfHarmRisk());
    }

    /** The update for a verdict whose risk may have been raised. */
    public static ItemUpdate of(PostClassified verdict, String itemId, RiskLevel risk) {
        RiskLevel effective = RiskLevel.max(risk, verdict.selfHarmRisk());
        QueueClass queueClass = verdict.type() == EventType.DELETED
                ? null
                : QueueClass.of(verdict, effective).orElse(null);
        Instant since = verdict.receivedAt() != null ? verdict.receivedAt() : verdict.classifiedAt();
        RiskLevel raisedFrom = effective != verdict.selfHarmRisk() ? verdict.selfHarmRisk() : null;
        return new ItemUpdate(verdict, itemId, queueClass, effective, raisedFrom, since, INTAKE_ACTOR);
    }

    public boolean flagged() {
        return queueClass != null;
    }

    /** The flags of the item: the verdict's, plus SELF_HARM when the risk was raised. */
    public List<Category> flags() {
        if (queueClass != null && queueClass.isSelfHarm() && !verdict.flags().contains(Category.SELF_HARM)) {
            return concat(verdict.flags(), Category.SELF_HARM);
        }
        return verdict.flags();
    }

    /** Normalised language tag: lower case, empty when unknown. */
    public static String language(@Nullable String tag) {
        return tag == null ? "" : tag.trim().toLowerCase(Locale.ROOT);
    }

    /** The JSON argument of {@code intake.lua}. */
    public String toScriptJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("platform", verdict.platform());
        fields.put("postId", verdict.postId());
        fields.put("postKey", verdict.key());
        fields.put("revision", Integer.toString(verdict.revision()));
        fields.put("language", language(verdict.language()));
        fields.put("authorId", verdict.authorId() == null ? "" : verdict.authorId());
        fields.put("threadId", verdict.threadId() == null ? "" : verdict.threadId());
        fields.put("classification", EventJson.writeString(verdict));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("postKey", verdict.key());
        json.put("type", verdict.type().name());
        json.put("revision", Integer.toString(verdict.revision()));
        json.put("flagged", flagged());
        json.put("itemId", itemId);
        json.put("class", queueClass == null ? "" : queueClass.name());
        json.put("risk", risk.name());
        json.put("riskOrd", Integer.toString(risk.ordinal()));
        json.put("raisedFrom", raisedFrom == null ? "" : raisedFrom.name());
        json.put("flags", flags().stream().map(Enum::name).toList());
        json.put("since", Long.toString(since.toEpochMilli()));
        json.put("authorKey", verdict.authorId() == null ? "" : verdict.platform() + ":" + verdict.authorId());
        json.put("actor", actor);
        json.put("fields", fields);
        return EventJson.writeString(json);
    }

    private static List<Category> concat(List<Category> flags, Category extra) {
        ArrayList<Category> all = new ArrayList<>(flags);
        all.add(extra);
        return List.copyOf(all);
    }
}
