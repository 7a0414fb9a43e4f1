package dev.modpipe.classifier.engine;

import dev.modpipe.classifier.cues.CueCatalogue;
import dev.modpipe.classifier.cues.CueHit;
import dev.modpipe.classifier.cues.CueRule;
import dev.modpipe.classifier.normalize.AnalyzedText;
import dev.modpipe.model.Category;
import dev.modpipe.model.RiskLevel;
import java.util.HashSet;
import java.util.Set;

/**
 * The explicit self-harm risk rules over ACTIVE cue hits (the author's own present statements, not
 * negated, quoted, reported, past or in an idiom/support/recovery/news/fiction sentence):
 *
 * <ul>
 *   <li>each signal cue implies its catalogue level: passive ideation LOW; ideation and
 *       self-injury MODERATE; intent, plan, access to means, goodbye, attempt, severe injury and
 *       method-seeking HIGH; an act in progress IMMINENT; access to means only counts with another
 *       signal or a near-term timeline (possessing pills or a knife is everyday);
 *   <li>intent, plan, access to means, goodbye or an attempt together with a near-term timeline
 *       ("tonight", "right now", "after I send this") is IMMINENT;
 *   <li>a goodbye together with intent, plan or means is IMMINENT;
 *   <li>an act "in progress" told about the past ("last night", "yesterday") is HIGH, not IMMINENT.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class RiskRules {
    private static final Set<String> PAST_UNITS =
            Set.of("night", "week", "weekend", "month", "year", "days", "weeks", "months", "years");

    /** The rules' verdict: the risk level, and whether any self-harm signal cue hit at all. */
    public record Assessment(RiskLevel level, boolean anySelfHarmCue, boolean anyActiveSelfHarmCue) {}

    public Assessment assess(PostFeatures f) {
        boolean meansCorroborated = meansCorroborated(f);
        Set<String> active = new HashSet<>();
        RiskLevel level = RiskLevel.NONE;
        boolean anyCue = false;
        for (CueHit hit : f.cues()) {
            CueRule rule = hit.rule();
            if (rule.category() != Category.SELF_HARM || !rule.kind().isEvidence()) {
                continue;
            }
            if (rule.kind() == CueRule.Kind.SIGNAL) {
                anyCue = true;
            }
            if (!hit.active() || (rule.cue().equals(MEANS_ACCESS) && !meansCorroborated)) {
                continue;
            }
            active.add(CueCatalogue.baseCue(rule));
            RiskLevel implied = rule.risk();
            if (implied == RiskLevel.IMMINENT && toldAboutThePast(f.text(), hit)) {
                implied = RiskLevel.HIGH;
            }
            level = RiskLevel.max(level, implied);
        }
        boolean strong = active.contains("intent")
                || active.contains("plan")
                || active.contains("means_access")
                || active.contains("goodbye")
                || active.contains("attempt");
        if (strong && active.contains("timeline")) {
            level = RiskLevel.IMMINENT;
        }
        if (active.contains("goodbye")
                && (active.contains("intent") || active.contains("plan") || active.contains("means_access"))) {
            level = RiskLevel.IMMINENT;
        }
        boolean anyActive = active.stream().anyMatch(c -> !c.equals("means") && !c.startsWith("timeline"));
        return new Assessment(level, anyCue, anyActive);
    }

    private static final String MEANS_ACCESS = "means_access";
    private static final Set<String> NOT_CORROBORATING = Set.of("means", MEANS_ACCESS, "timeline", "timeline_date");

    /**
     * Having pills, a knife or a rope is everyday ("I got a knife set for my wedding", "I've been on
     * meds for years"): access to means counts only with another active self-harm signal of the
     * post (ideation, intent, a plan, a goodbye, self-injury…) or a near-term timeline other than a
     * bare "today" ("I have the pills in front of me and tonight is the night").
     */
    private static boolean meansCorroborated(PostFeatures f) {
        for (CueHit hit : f.cues()) {
            CueRule rule = hit.rule();
            if (rule.category() != Category.SELF_HARM || !rule.kind().isEvidence() || !hit.active()) {
                continue;
            }
            if (!NOT_CORROBORATING.contains(rule.cue())) {
                return true;
            }
            if (rule.cue().equals("timeline")
                    && !(hit.end() - hit.start() == 1
                            && f.text().token(hit.start()).equals("today"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean toldAboutThePast(AnalyzedText text, CueHit hit) {
        int end = text.sentenceEnd(hit.sentence());
        for (int i = text.sentenceStart(hit.sentence()); i < end; i++) {
            String t = text.token(i);
            if (t.equals("yesterday")
                    || (t.equals("last") && i + 1 < end && PAST_UNITS.contains(text.token(i + 1)))
                    || (t.equals("ago") && i > 0 && PAST_UNITS.contains(text.token(i - 1)))) {
                return true;
            }
        }
        return false;
    }
}
