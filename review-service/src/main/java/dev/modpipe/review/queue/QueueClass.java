package dev.modpipe.review.queue;

import dev.modpipe.model.Category;
import dev.modpipe.model.PostClassified;
import dev.modpipe.model.RiskLevel;
import dev.modpipe.model.Subcategory;
import java.util.Optional;

/**
 * The priority classes of the queue, highest first (contract: IMMINENT &gt; HIGH &gt; threat &gt;
 * other self-harm &gt; harassment/hate/scam &gt; misinformation). {@link #rank()} is the position in
 * that order; the Lua prelude keeps the same ranks.
 */
public enum QueueClass {
    /** Self-harm risk IMMINENT. */
    IMMINENT(Category.SELF_HARM),
    /** Self-harm risk HIGH (also an author raised from repeated MODERATE posts). */
    HIGH(Category.SELF_HARM),
    /** A harmful post whose strongest harmful subcategory is a threat. */
    THREAT(Category.HARMFUL),
    /** Any other self-harm signal (MODERATE, LOW, or a degraded verdict flagged to fail closed). */
    SELF_HARM(Category.SELF_HARM),
    /** Harassment, hate, scams and other harmful posts. */
    HARMFUL(Category.HARMFUL),
    /** Health, treatment and conspiracy misinformation. */
    MISINFORMATION(Category.MISINFORMATION);

    private final Category category;

    QueueClass(Category category) {
        this.category = category;
    }

    public int rank() {
        return ordinal();
    }

    public Category category() {
        return category;
    }

    /** Whether items of this class are about a person's own safety. */
    public boolean isSelfHarm() {
        return category == Category.SELF_HARM;
    }

    /**
     * Whether an overdue item of this class rises above the items of lower classes still within
     * their SLA. IMMINENT and HIGH lead the queue anyway.
     */
    public boolean risesWhenOverdue() {
        return this != IMMINENT && this != HIGH;
    }

    /** The class a verdict puts its post in, given its (possibly raised) risk; empty when not flagged. */
    public static Optional<QueueClass> of(PostClassified verdict, RiskLevel risk) {
        if (risk == RiskLevel.IMMINENT) {
            return Optional.of(IMMINENT);
        }
        if (risk == RiskLevel.HIGH) {
            return Optional.of(HIGH);
        }
        if (!verdict.flagged()) {
            return Optional.empty();
        }
        if (verdict.flags().contains(Category.HARMFUL) && isThreat(verdict)) {
            return Optional.of(THREAT);
        }
        if (verdict.flags().contains(Category.SELF_HARM)) {
            return Optional.of(SELF_HARM);
        }
        if (verdict.flags().contains(Category.HARMFUL)) {
            return Optional.of(HARMFUL);
        }
        return Optional.of(MISINFORMATION);
    }

    private static boolean isThreat(PostClassified verdict) {
        double threat = verdict.subcategories().getOrDefault(Subcategory.THREAT.key(), 0.0);
        if (threat <= 0.0) {
            return false;
        }
        for (Subcategory other : Subcategory.values()) {
            if (other.category() == Category.HARMFUL
                    && other != Subcategory.THREAT
                    && verdict.subcategories().getOrDefault(other.key(), 0.0) > threat) {
                return false;
            }
        }
        return true;
    }
}
