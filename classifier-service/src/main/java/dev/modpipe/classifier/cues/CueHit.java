package dev.modpipe.classifier.cues;

/**
 * A match of a {@link CueRule} on tokens {@code [start, end)} of one sentence, with what its
 * context says about it.
 *
 * @param rule the rule that matched
 * @param sentence the sentence index
 * @param start the first token
 * @param end the token after the last
 * @param context why the hit does not count as the author's own present statement, or {@code
 *     ACTIVE}
 */
public record CueHit(CueRule rule, int sentence, int start, int end, Context context) {

    /** Why a hit is not the author's own present statement. */
    public enum Context {
        /** It is: the author says it, now, without negation. */
        ACTIVE("active"),
        /** Negated ("I don't want to die"). */
        NEGATED("neg"),
        /** Inside quotation marks. */
        QUOTED("quote"),
        /** About or addressed to someone else ("my friend says she wants to die", "you said"). */
        REPORTED("other"),
        /** In the past ("three years ago I wanted to die"). */
        PAST("past"),
        /** In a sentence with an idiom, support, recovery, news or fiction cue. */
        MITIGATED("mit"),
        /**
         * In a sentence with a fiction or hobby cue, in a post that drops that frame ("for a story
         * I'm writing ... honestly it isn't a story. it's me"): the rules count it as the author's
         * own, and the models see it as mitigated, as they always have (so a catalogue change to the
         * frames does not retrain them).
         */
        UNMASKED("mit");

        private final String tag;

        Context(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    /** Whether the hit counts as the author's own present statement for the rules and evidence. */
    public boolean active() {
        return context == Context.ACTIVE || context == Context.UNMASKED;
    }

    /** Whether the models see the hit as active ({@link Context#UNMASKED} they see as mitigated). */
    public boolean activeForModels() {
        return context == Context.ACTIVE;
    }

    /** The model feature for this hit: {@code #sh.intent} or {@code #sh.intent|neg}. */
    public String feature() {
        return activeForModels() ? "#" + rule.featureName() : "#" + rule.featureName() + "|" + context.tag();
    }
}
