package dev.modpipe.classifier.cues;

import dev.modpipe.classifier.normalize.AnalyzedText;
import dev.modpipe.model.Subcategory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalogue of known false health and treatment claims ({@code /cues/claims.txt}), matched by
 * meaning rather than by exact string: a claim is a few slots of interchangeable terms ("vaccines,
 * jab, MMR" + "cause, trigger, linked" + "autism"), and a sentence states it when every slot has a
 * term, in any order and wording (a token-set overlap with synonyms and stems). Each match is then
 * read in its context:
 *
 * <ul>
 *   <li><b>question</b>: the sentence asks ("do vaccines cause autism?", "is it true that…");
 *   <li><b>negated</b>: a negation outside the claim's own terms ("vaccines don't cause autism");
 *   <li><b>debunked</b>: the post debunks or reports it ("myth:", "no evidence", "my aunt says…",
 *       "talk to your doctor");
 *   <li><b>quoted</b>: it is on a reply's {@code >} line, the post being answered;
 *   <li>otherwise <b>asserted</b>, stated as fact or advice.
 * </ul>
 *
 * Immutable and thread-safe.
 */
public final class ClaimCatalogue {
    public static final String RESOURCE = "/cues/claims.txt";

    private static final Set<String> NEGATORS =
            Set.of("not", "never", "no", "nor", "neither", "nothing", "n't", "isn't", "doesn't", "don't");
    private static final Set<String> QUESTION_STARTS = Set.of(
            "is", "are", "do", "does", "can", "could", "should", "would", "will", "did", "has", "have", "anyone", "any",
            "what", "why", "how", "who", "where", "which", "whether");
    private static final Set<String> DEBUNK = Set.of(
            "myth",
            "myths",
            "debunk",
            "debunked",
            "debunking",
            "false",
            "misinformation",
            "disinformation",
            "evidence",
            "studies",
            "study",
            "research",
            "fact",
            "facts",
            "correlation",
            "misleading",
            "claims",
            "claim",
            "claiming",
            "claimed",
            "rumor",
            "rumour",
            "conspiracy",
            "doctor",
            "doctors",
            "prescriber",
            "psychiatrist",
            "supervision",
            "gp",
            "pharmacist",
            "safely",
            "dangerous",
            "careful",
            "risky",
            "taper",
            "tapering",
            "says",
            "said",
            "saw",
            "read",
            "heard",
            "keeps",
            "insists",
            "believes",
            "thinks",
            "told",
            "video",
            "tiktok",
            "viral",
            "scared",
            "worried",
            "confused",
            "unsure",
            "source",
            "sources");

    private final List<Claim> claims;
    private final Map<String, List<Term>> exact;
    private final Map<String, List<Term>> prefix;

    /** A known false claim. */
    public record Claim(String id, Subcategory subcategory, String description, int slots) {}

    /** A sentence that states a claim, with how it states it. */
    public record ClaimHit(Claim claim, int sentence, int start, int end, Stance stance) {
        public String feature() {
            return stance == Stance.ASSERTED
                    ? "#claim"
                    : "#claim|" + stance.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How a sentence states a claim. */
    public enum Stance {
        ASSERTED,
        QUESTION,
        NEGATED,
        DEBUNKED,
        QUOTED
    }

    private record Term(int claim, int slot, String[] words, boolean prefix) {}

    private ClaimCatalogue(List<Claim> claims, List<Term> terms) {
        this.claims = List.copyOf(claims);
        Map<String, List<Term>> e = new HashMap<>();
        Map<String, List<Term>> p = new HashMap<>();
        for (Term t : terms) {
            String first = t.words[0];
            if (t.prefix && t.words.length == 1) {
                p.computeIfAbsent(first.substring(0, Math.min(3, first.length())), k -> new ArrayList<>())
                        .add(t);
            } else {
                e.computeIfAbsent(first, k -> new ArrayList<>()).add(t);
            }
        }
        e.replaceAll((k, v) -> List.copyOf(v));
        p.replaceAll((k, v) -> List.copyOf(v));
        this.exact = Map.copyOf(e);
        this.prefix = Map.copyOf(p);
    }

    public static ClaimCatalogue load() {
        try (InputStream in = ClaimCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ClaimCatalogue parse(String text) {
        List<Claim> claims = new ArrayList<>();
        List<Term> terms = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split(" : ");
            if (parts.length != 3) {
                throw new IllegalArgumentException("claim line needs 'id sub : description : slots': " + l);
            }
            String[] head = parts[0].strip().split("\\s+");
            Subcategory sub = Subcategory.fromKey(head[1])
                    .orElseThrow(() -> new IllegalArgumentException("unknown subcategory " + head[1]));
            String[] slots = parts[2].split(";");
            int index = claims.size();
            claims.add(new Claim(head[0], sub, parts[1].strip(), slots.length));
            for (int s = 0; s < slots.length; s++) {
                for (String term : slots[s].split(",")) {
                    String t = term.strip();
                    if (t.isEmpty()) {
                        continue;
                    }
                    boolean isPrefix = t.endsWith("*");
                    String body = isPrefix ? t.substring(0, t.length() - 1) : t;
                    terms.add(new Term(index, s, body.split("\\+"), isPrefix));
                }
            }
        }
        return new ClaimCatalogue(claims, terms);
    }

    public List<Claim> claims() {
        return claims;
    }

    /** The claims stated in the text, at most one hit per claim and sentence. */
    public List<ClaimHit> find(AnalyzedText text) {
        String[] tokens = text.tokens();
        boolean debunked = false;
        for (String t : tokens) {
            if (DEBUNK.contains(t)) {
                debunked = true;
                break;
            }
        }
        List<ClaimHit> hits = new ArrayList<>();
        boolean[] replyQuoted = text.replyQuoted();
        int n = claims.size();
        int[] slotMask = new int[n];
        int[] first = new int[n];
        int[] last = new int[n];
        for (int s = 0; s < text.sentenceCount(); s++) {
            int from = text.sentenceStart(s);
            int to = text.sentenceEnd(s);
            java.util.Arrays.fill(slotMask, 0);
            boolean[] inTerm = null;
            for (int i = from; i < to; i++) {
                String tok = tokens[i];
                List<Term> candidates = exact.get(tok);
                if (candidates != null) {
                    for (Term term : candidates) {
                        int end = matchTerm(term, tokens, i, to);
                        if (end > 0) {
                            inTerm = mark(inTerm, to - from, i - from, end - from);
                            record(term, i, end, slotMask, first, last);
                        }
                    }
                }
                if (tok.length() >= 3) {
                    List<Term> pre = prefix.get(tok.substring(0, 3));
                    if (pre != null) {
                        for (Term term : pre) {
                            if (tok.startsWith(term.words[0])) {
                                inTerm = mark(inTerm, to - from, i - from, i + 1 - from);
                                record(term, i, i + 1, slotMask, first, last);
                            }
                        }
                    }
                }
            }
            for (int c = 0; c < n; c++) {
                int full = (1 << claims.get(c).slots()) - 1;
                if (slotMask[c] == full) {
                    Stance stance = replyQuoted[s] ? Stance.QUOTED : stance(tokens, from, to, inTerm, debunked);
                    hits.add(new ClaimHit(claims.get(c), s, first[c], last[c], stance));
                }
            }
        }
        return hits;
    }

    private static boolean[] mark(boolean[] inTerm, int size, int from, int to) {
        boolean[] m = inTerm == null ? new boolean[size] : inTerm;
        for (int i = from; i < to; i++) {
            m[i] = true;
        }
        return m;
    }

    private static void record(Term term, int start, int end, int[] slotMask, int[] first, int[] last) {
        int c = term.claim;
        if (slotMask[c] == 0) {
            first[c] = start;
            last[c] = end;
        } else {
            first[c] = Math.min(first[c], start);
            last[c] = Math.max(last[c], end);
        }
        slotMask[c] |= 1 << term.slot;
    }

    private static int matchTerm(Term term, String[] tokens, int start, int limit) {
        String[] words = term.words;
        if (start + words.length > limit) {
            return -1;
        }
        for (int k = 0; k < words.length; k++) {
            String tok = tokens[start + k];
            boolean last = k == words.length - 1;
            if (!(tok.equals(words[k]) || (last && term.prefix && tok.startsWith(words[k])))) {
                return -1;
            }
        }
        return start + words.length;
    }

    private static Stance stance(String[] tokens, int from, int to, boolean[] inTerm, boolean debunked) {
        boolean question = tokens[to - 1].equals("?") || QUESTION_STARTS.contains(tokens[from]);
        for (int i = from; i + 2 < to && !question; i++) {
            if (tokens[i].equals("is") && tokens[i + 1].equals("it") && tokens[i + 2].equals("true")) {
                question = true;
            }
        }
        if (question) {
            return Stance.QUESTION;
        }
        for (int i = from; i < to; i++) {
            if (NEGATORS.contains(tokens[i]) && (inTerm == null || !inTerm[i - from])) {
                return Stance.NEGATED;
            }
        }
        return debunked ? Stance.DEBUNKED : Stance.ASSERTED;
    }
}
