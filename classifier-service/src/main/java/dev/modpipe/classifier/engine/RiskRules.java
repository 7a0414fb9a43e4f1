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
            String cue = CueCatalogue.baseCue(rule);
            RiskLevel implied = rule.risk();
            if (readAsIdeation(f.text(), hit)) {
                // "i want to kms so bad rn", "kms thoughts rn", "i keep thinking about suicide":
                // the wish to die, felt now, not what the author is about to do
                cue = IDEATION;
                implied = RiskLevel.MODERATE;
            }
            active.add(cue);
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
    private static final String INTENT = "intent";
    /** The cue an intent hit is read as when it is a wish or a thought ({@link #readAsIdeation}). */
    static final String IDEATION = "ideation";

    /**
     * Words of thinking: an intent hit that holds one or follows one closely ("kms thoughts rn",
     * "i keep thinking about suicide") is a thought of suicide, ideation, whatever its time.
     * "think" and "thought" only with "about" or "of" after them ("i think about suicide"): "i
     * think i'm going to do it tonight" hedges an intent.
     */
    private static final Set<String> THINKING = Set.of("thinking", "thoughts", "urge", "urges");

    private static final Set<String> THINK = Set.of("think", "thought");

    private static final Set<String> THINK_OF = Set.of("about", "of");

    /**
     * Words of wanting, and inside the hit how much ("kms so bad rn", "unalive myself so much
     * today"): a wish to die felt now, ideation, unless the hit names when an act would happen
     * ({@link #ACT_TIMES}: "i want to kill myself tonight" stays an intent). Not "wanted": "i
     * wanted someone to know" is said beside an intent.
     */
    private static final Set<String> WANTING = Set.of("want", "wanna", "wanting", "wish", "wishing");

    private static final Set<String> INTENSITY = Set.of("bad", "badly", "much");

    /** Times that name when an act would happen, not how a feeling is now ("right now", "today"). */
    private static final Set<String> ACT_TIMES = Set.of(
            "tonight",
            "tonite",
            "tomorrow",
            "midnight",
            "hour",
            "hours",
            "minute",
            "minutes",
            "mins",
            "after",
            "before",
            "morning",
            "evening",
            "afternoon",
            "sunrise",
            "weekend");

    /** How many tokens before an intent hit, in its sentence, a wishing word makes it a wish. */
    private static final int WISH_REACH = 3;

    /**
     * Whether the rules read this hit as ideation though its pattern is an intent's: a wish or a
     * thought of suicide rather than what the author is going to do ("i want to kms so bad rn",
     * "kms thoughts rn", "i keep thinking about suicide"). The evidence names it so too.
     */
    static boolean readAsIdeation(AnalyzedText text, CueHit hit) {
        return CueCatalogue.baseCue(hit.rule()).equals(INTENT) && wished(text, hit);
    }

    private static boolean wished(AnalyzedText text, CueHit hit) {
        boolean thinking = false;
        boolean wanting = false;
        boolean actTime = false;
        for (int i = hit.start(); i < hit.end(); i++) {
            String t = text.token(i);
            thinking |= thinking(text, i);
            wanting |= WANTING.contains(t) || INTENSITY.contains(t);
            actTime |= ACT_TIMES.contains(t);
        }
        for (int i = Math.max(text.sentenceStart(hit.sentence()), hit.start() - WISH_REACH); i < hit.start(); i++) {
            thinking |= thinking(text, i);
            wanting |= WANTING.contains(text.token(i));
        }
        return thinking || (wanting && !actTime);
    }

    private static boolean thinking(AnalyzedText text, int i) {
        String t = text.token(i);
        return THINKING.contains(t)
                || (THINK.contains(t) && i + 1 < text.size() && THINK_OF.contains(text.token(i + 1)));
    }

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
