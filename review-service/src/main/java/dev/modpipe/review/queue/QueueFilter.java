package dev.modpipe.review.queue;

import dev.modpipe.model.Category;
import dev.modpipe.model.EventJson;
import dev.modpipe.model.RiskLevel;
import io.micronaut.core.annotation.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Optional filters of a listing or a claim: a category among the item's flags, an exact risk, a
 * language (a primary tag such as {@code es} also matches {@code es-mx}).
 */
public record QueueFilter(@Nullable Category category, @Nullable RiskLevel risk, @Nullable String language) {
    public static final QueueFilter NONE = new QueueFilter(null, null, null);

    public QueueFilter {
        language = language == null || language.isBlank() ? null : ItemUpdate.language(language);
    }

    public boolean matches(ReviewItem item) {
        if (category != null && !item.flags().contains(category)) {
            return false;
        }
        if (risk != null && item.risk() != risk) {
            return false;
        }
        return language == null
                || item.language().equals(language)
                || item.language().startsWith(language + "-");
    }

    /** The filter as the claim script reads it. */
    public String toScriptJson() {
        Map<String, String> json = new LinkedHashMap<>();
        if (category != null) {
            json.put("category", category.name());
        }
        if (risk != null) {
            json.put("risk", risk.name());
        }
        if (language != null) {
            json.put("language", language);
        }
        return json.isEmpty() ? "{}" : EventJson.writeString(json);
    }
}
