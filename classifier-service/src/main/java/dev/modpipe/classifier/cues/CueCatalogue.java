package dev.modpipe.classifier.cues;

import dev.modpipe.classifier.normalize.AnalyzedText;
import dev.modpipe.model.Category;
import dev.modpipe.model.RiskLevel;
import dev.modpipe.model.Subcategory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The catalogue of cues ({@code /cues/cues.txt}): token patterns for self-harm (ideation, intent,
 * plan, means, timeline, goodbye, self-injury, instructions and what lowers risk), harmful content
 * (telling someone to die, harassment, hate, threats, scams) and the context rules that decide
 * whether a hit is the author's own present statement. Loaded once; immutable and thread-safe.
 */
public final class CueCatalogue {
    public static final String RESOURCE = "/cues/cues.txt";

    private static final Set<String> NEGATORS = Set.of(
            "not", "never", "no", "nor", "without", "neither", "n't", "nothing", "nobody", "nunca", "jamais", "nie");
    private static final Set<String> CLAUSE_BREAKS = Set.of(
            ",",
            ";",
            ":",
            ".",
            "!",
            "?",
            "but",
            "and",
            "so",
            "because",
            "though",
            "although",
            "then",
            "-",
            "or",
            "until",
            "unless",
            "if",
            "when",
            "while");
    private static final Set<String> FIRST = Set.of("i");
    private static final Set<String> SECOND = Set.of("you", "your", "yourself", "yours", "y'all");
    private static final Set<String> THIRD = Set.of(
            "he",
            "she",
            "they",
            "him",
            "her",
            "his",
            "their",
            // not "them": in "took them all" or "I told them" the author is still the subject
            "himself",
            "herself",
            "themselves",
            "someone",
            "somebody",
            "people",
            "everyone",
            "anyone");
    private static final Set<String> PERSON_NOUNS = Set.of(
            "friend",
            "friends",
            "sister",
            "brother",
            "son",
            "daughter",
            "mom",
            "mother",
            "dad",
            "father",
            "cousin",
            "kid",
            "kids",
            "child",
            "children",
            "partner",
            "wife",
            "husband",
            "boyfriend",
            "girlfriend",
            "roommate",
            "coworker",
            "student",
            "students",
            "patient",
            "patients",
            "teen",
            "teenager",
            "niece",
            "nephew",
            "aunt",
            "uncle",
            "grandma",
            "grandpa",
            "grandmother",
            "grandfather",
            "neighbor",
            "neighbour",
            "classmate",
            "client",
            "clients",
            "bestie",
            "ex",
            "teacher",
            "baby",
            "family",
            "parents",
            "parent",
            "sibling",
            "user",
            "member",
            "troll",
            "op",
            "guy",
            "girl",
            "man",
            "woman",
            "person",
            "stepdad",
            "stepmom",
            "brain");
    private static final Set<String> REPORT_VERBS = Set.of(
            "said",
            "says",
            "saying",
            "told",
            "tells",
            "texted",
            "texts",
            "wrote",
            "writes",
            "posted",
            "posts",
            "asked",
            "asks",
            "mentioned",
            "mentions",
            "messaged",
            "commented",
            "screamed",
            "yelled",
            "claims",
            "claimed",
            "heard");

    private final List<CueRule> rules;
    /** The ids of the patterns' words, by which a post's tokens are matched. */
    private final TokenPattern.Words words;
    /** Per word id, the rules whose pattern can start with that exact word, as indexes into {@link #rules}. */
    private final int[][] byFirstWord;
    /** Rules that can start with a prefix ({@code kill*}) or a number: tried at every token. */
    private final int[] prefixFirst;
    /**
     * Per ASCII character, the {@link #prefixFirst} rules (in their order) that can start at a token
     * beginning with it; a token that begins otherwise tries them all.
     */
    private final int[][] prefixFirstByChar;
    /** Per word id, the bit of a word some rule requires in the sentence ({@link TokenPattern#requiredWords}), or -1. */
    private final int[] requiredBit;
    /** How many distinct words some rule requires. */
    private final int requiredWords;
    /** Per rule, the bits of the words it requires one of, or null when it requires none. */
    private final int[][] requiredBits;

    private final Set<String> literalWords;

    private CueCatalogue(List<CueRule> rules, TokenPattern.Words words) {
        this.words = words;
        this.rules = List.copyOf(rules);
        Map<String, Set<Integer>> index = new HashMap<>();
        Set<Integer> prefix = new LinkedHashSet<>();
        Set<String> allWords = new LinkedHashSet<>();
        for (int r = 0; r < this.rules.size(); r++) {
            CueRule rule = this.rules.get(r);
            allWords.addAll(rule.pattern().words());
            for (String first : rule.pattern().firstTokens()) {
                if (TokenPattern.isSpecial(first)) {
                    prefix.add(r);
                } else {
                    index.computeIfAbsent(first, k -> new LinkedHashSet<>()).add(r);
                }
            }
        }
        this.byFirstWord = new int[words.size()][];
        index.forEach((token, ids) -> byFirstWord[words.idOrNone(token)] =
                ids.stream().mapToInt(Integer::intValue).toArray());
        this.prefixFirst = prefix.stream().mapToInt(Integer::intValue).toArray();
        List<List<Integer>> byChar = new ArrayList<>();
        for (int ch = 0; ch < 128; ch++) {
            byChar.add(new ArrayList<>());
        }
        for (int r : prefixFirst) {
            for (char c : this.rules.get(r).pattern().firstCharacters()) {
                if (c < 128) {
                    byChar.get(c).add(r);
                }
            }
        }
        this.prefixFirstByChar = byChar.stream()
                .map(rs -> rs.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        Map<String, Integer> bits = new HashMap<>();
        this.requiredBits = new int[this.rules.size()][];
        for (int r = 0; r < this.rules.size(); r++) {
            String[] required = this.rules.get(r).pattern().requiredWords();
            if (required != null) {
                requiredBits[r] = Arrays.stream(required)
                        .mapToInt(w -> bits.computeIfAbsent(w, k -> bits.size()))
                        .toArray();
            }
        }
        this.requiredBit = new int[words.size()];
        Arrays.fill(requiredBit, -1);
        bits.forEach((word, bit) -> requiredBit[words.idOrNone(word)] = bit);
        this.requiredWords = bits.size();
        this.literalWords = Collections.unmodifiableSet(allWords);
    }

    /** The catalogue shipped in the jar. */
    public static CueCatalogue load() {
        try (InputStream in = CueCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a catalogue in the format of {@code /cues/cues.txt}. */
    public static CueCatalogue parse(String text) {
        Map<String, String> sets = new LinkedHashMap<>();
        List<CueRule> rules = new ArrayList<>();
        TokenPattern.Words words = new TokenPattern.Words();
        int lineNo = 0;
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                if (l.startsWith("@")) {
                    int eq = l.indexOf('=');
                    String name = l.substring(1, eq).strip();
                    sets.put(name, expandSets(l.substring(eq + 1).strip(), sets));
                    continue;
                }
                int colon = l.indexOf(" : ");
                if (colon < 0) {
                    throw new IllegalArgumentException("line " + lineNo + ": expected 'header : patterns'");
                }
                String[] head = l.substring(0, colon).strip().split("\\s+");
                Category category = Category.valueOf(head[0]);
                String cue = head[1];
                CueRule.Kind kind;
                RiskLevel risk = RiskLevel.NONE;
                switch (head[2]) {
                    case "SIGNAL" -> kind = CueRule.Kind.SIGNAL;
                    case "INFO" -> kind = CueRule.Kind.INFO;
                    case "MITIGATE" -> kind = CueRule.Kind.MITIGATE;
                    case "CONTEXT" -> kind = CueRule.Kind.CONTEXT;
                    default -> {
                        kind = CueRule.Kind.SIGNAL;
                        risk = RiskLevel.valueOf(head[2]);
                    }
                }
                Subcategory sub = head.length > 3
                        ? Subcategory.fromKey(head[3])
                                .orElseThrow(() -> new IllegalArgumentException("unknown subcategory " + head[3]))
                        : null;
                for (String p : l.substring(colon + 3).split(";")) {
                    if (!p.isBlank()) {
                        rules.add(new CueRule(category, cue, kind, risk, sub, TokenPattern.parse(p, sets, words)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cue catalogue line " + lineNo + ": " + e.getMessage(), e);
        }
        return new CueCatalogue(rules, words);
    }

    private static String expandSets(String body, Map<String, String> sets) {
        StringBuilder b = new StringBuilder();
        for (String part : body.split("\\|")) {
            if (!b.isEmpty()) {
                b.append('|');
            }
            b.append(part.startsWith("@") ? sets.get(part.substring(1)) : part);
        }
        return b.toString();
    }

    public List<CueRule> rules() {
        return rules;
    }

    /** Every literal word of the catalogue, for the normalisation lexicon. */
    public Set<String> words() {
        return literalWords;
    }

    /** All hits in the text, in token order, each with its context. */
    public List<CueHit> find(AnalyzedText text) {
        String[] tokens = text.tokens();
        int[] ids = words.ids(tokens);
        List<Raw> raw = new ArrayList<>();
        // the required words the current sentence holds, as bits of requiredBit
        long[] sentence = new long[(requiredWords + 63) / 64];
        for (int s = 0; s < text.sentenceCount(); s++) {
            int from = text.sentenceStart(s);
            int to = text.sentenceEnd(s);
            Arrays.fill(sentence, 0L);
            for (int i = from; i < to; i++) {
                int bit = ids[i] >= 0 ? requiredBit[ids[i]] : -1;
                if (bit >= 0) {
                    sentence[bit >>> 6] |= 1L << bit;
                }
            }
            for (int i = from; i < to; i++) {
                int[] candidates = ids[i] >= 0 ? byFirstWord[ids[i]] : null;
                if (candidates != null) {
                    for (int r : candidates) {
                        if (possible(r, sentence)) {
                            addMatch(raw, rules.get(r), tokens, ids, s, i, to);
                        }
                    }
                }
                for (int r : prefixFirst(tokens[i])) {
                    if (rules.get(r).pattern().mayStartWith(ids[i], tokens[i]) && possible(r, sentence)) {
                        addMatch(raw, rules.get(r), tokens, ids, s, i, to);
                    }
                }
            }
        }
        if (raw.isEmpty()) {
            return List.of();
        }
        // per sentence, what a self-harm mitigation cue in it makes of the sentence's other hits
        CueHit.Context[] mitigatedSentence = new CueHit.Context[text.sentenceCount()];
        boolean[] replyQuoted = text.replyQuoted();
        boolean warningPost = false;
        boolean playPost = false;
        CueHit.Context masked = unmasked(raw) ? CueHit.Context.UNMASKED : CueHit.Context.MITIGATED;
        for (Raw r : raw) {
            if (r.rule.kind() == CueRule.Kind.MITIGATE) {
                if (r.rule.category() == Category.SELF_HARM) {
                    // a frame the post drops (fiction, a hobby) leaves its sentence's hits to the rules
                    mitigatedSentence[r.sentence] =
                            MASKS.contains(r.rule.cue()) && mitigatedSentence[r.sentence] != CueHit.Context.MITIGATED
                                    ? masked
                                    : CueHit.Context.MITIGATED;
                } else if (r.rule.category() == Category.HARMFUL) {
                    if (r.rule.cue().equals(PLAY)) {
                        playPost = true;
                    } else {
                        warningPost = true;
                    }
                }
            }
        }
        List<CueHit> hits = new ArrayList<>(raw.size());
        for (Raw r : raw) {
            CueHit.Context context = context(r, text, mitigatedSentence, replyQuoted);
            if (context == CueHit.Context.ACTIVE
                    && r.rule.category() == Category.HARMFUL
                    && r.rule.kind() == CueRule.Kind.SIGNAL
                    && (warningPost && !ownAsk(r, text) || playPost && PLAYABLE.contains(r.rule.cue()))) {
                // a post that warns about a scam or reports abuse quotes what it warns about; a
                // mock threat or insult over a game, a spoiler or the last slice is play
                context = CueHit.Context.MITIGATED;
            }
            hits.add(new CueHit(r.rule, r.sentence, r.start, r.end, context));
        }
        return uncorroboratedSignsMitigated(storiesMitigated(hits), tokens);
    }

    /**
     * Two contexts that make a post's self-injury or attempt a story rather than a present risk,
     * wherever in the post they are told (the mitigation cues only reach their own sentence):
     *
     * <ul>
     *   <li>an injury told as an accident ("the chisel slipped", "sliced my thumb on a tin", "bike
     *       crash on the canal path") is first aid, not self-injury, however severe ("… four
     *       stitches", "… it's gaping"); unless the post tells a cover story or the deliberate act
     *       ({@code cover_story}: "told the nurse I fell on glass", "on purpose", "it wasn't an
     *       accident"), which is how self-injury is hidden;
     *   <li>an attempt, overdose or injury dated years back ("my attempt in 2009", "two years on",
     *       "I'm 52 now") is a recovery story; unless the post also tells of something recent
     *       ({@code recent}: "again", "last night", "hours ago").
     * </ul>
     *
     * The post's hits of those cues are then marked mitigated: model features, not evidence.
     */
    private static List<CueHit> storiesMitigated(List<CueHit> hits) {
        return contextMitigated(contextMitigated(hits, ACCIDENT, COVER_STORY, INJURY), DATED, RECENT, DATABLE);
    }

    /**
     * Whether a post's cues tell it as a story: an accident without a cover story, or a time years
     * back with nothing recent (the contexts of {@link #storiesMitigated}).
     */
    public static boolean toldAsStory(List<CueHit> hits) {
        return inContext(hits, ACCIDENT, COVER_STORY) || inContext(hits, DATED, RECENT);
    }

    private static boolean inContext(List<CueHit> hits, String context, String veto) {
        boolean found = false;
        for (CueHit h : hits) {
            if (h.rule().category() == Category.SELF_HARM) {
                if (h.rule().cue().equals(veto)) {
                    return false;
                }
                found |= h.rule().cue().equals(context);
            }
        }
        return found;
    }

    private static List<CueHit> contextMitigated(
            List<CueHit> hits, String context, String veto, Set<String> mitigated) {
        if (!inContext(hits, context, veto)) {
            return hits;
        }
        List<CueHit> result = new ArrayList<>(hits.size());
        for (CueHit h : hits) {
            result.add(
                    h.active() && mitigated.contains(h.rule().cue()) && h.rule().category() == Category.SELF_HARM
                            ? new CueHit(h.rule(), h.sentence(), h.start(), h.end(), CueHit.Context.MITIGATED)
                            : h);
        }
        return result;
    }

    /**
     * Whether the post drops its own story or hobby frame ("for a story I'm writing ... honestly it
     * isn't a story. it's me", "asking for a poem. the poem's about me"): the frame is how the
     * author could ask at all, so it lowers nothing.
     */
    private static boolean unmasked(List<Raw> raw) {
        for (Raw r : raw) {
            if (r.rule.category() == Category.SELF_HARM && r.rule.cue().equals(UNMASKED)) {
                return true;
            }
        }
        return false;
    }

    /** The cue of a story or hobby frame the post drops ("it isn't a story. it's me"). */
    public static final String UNMASKED = "unmasked";

    /** The frames an {@link #UNMASKED} post drops: fiction and hobbies. */
    private static final Set<String> MASKS = Set.of("fiction", "hobby");

    /** The cue of an injury told as an accident ({@code cues.txt}). */
    public static final String ACCIDENT = "accident";

    /** The cue of a cover story or a deliberate act, which keeps an "accident" from mitigating. */
    public static final String COVER_STORY = "cover_story";

    /** The cue of a time years back ("in 2009", "a decade since"). */
    public static final String DATED = "dated_past";

    /** The cue of something recent ("again", "last night"), which keeps a date from mitigating. */
    public static final String RECENT = "recent";

    private static final Set<String> INJURY = Set.of("self_injury", "self_injury_severe");

    private static final Set<String> DATABLE = Set.of("attempt", "self_injury", "self_injury_severe");

    /** Means that are objects (pills, a blade, a rope), not places one may simply be at. */
    private static final Set<String> OBJECT_MEANS = Set.of(
            "pills",
            "pill",
            "meds",
            "medication",
            "tablets",
            "painkillers",
            "tylenol",
            "paracetamol",
            "acetaminophen",
            "ibuprofen",
            "benadryl",
            "insulin",
            "oxy",
            "opioids",
            "rope",
            "noose",
            "belt",
            "cord",
            "gun",
            "guns",
            "rifle",
            "pistol",
            "firearm",
            "bullet",
            "bullets",
            "knife",
            "knives",
            "razor",
            "razors",
            "blade",
            "blades",
            "bleach",
            "antifreeze",
            "poison",
            "exhaust",
            "helium",
            "stash",
            "stockpile");

    /**
     * Some phrases are risk only in the company of other signs. An act "in progress" is IMMINENT,
     * so it pages on-call staff at once, yet "ok going now", "it's too late to sign up", "not
     * coming back to this cafe", "I just cut my hair" or "took them all back to the library" are
     * everyday; and so are many plans, decisions and goodbyes: "I have a plan for the budget", "I've
     * made up my mind, pixie cut it is", "the date is set!", "last post here, moving to the new
     * forum", "giving away my plants before the move". Those phrases are the catalogue's
     * {@code *_signs} cues ({@code act_signs}, {@code plan_signs}, {@code intent_signs}, {@code
     * goodbye_signs}). They stay active only when the post corroborates them: another active
     * self-harm signal (ideation, an unambiguous intent or plan, self-injury, an attempt…), a means
     * that is an object (pills, a blade, a rope) outside the phrases themselves, or a second such
     * phrase that does not overlap the first ("gave the dog to my sister. this is my last post").
     * Otherwise they are marked mitigated: a model feature, not evidence, and no rule.
     */
    private static List<CueHit> uncorroboratedSignsMitigated(List<CueHit> hits, String[] tokens) {
        if (corroborated(hits, tokens, CueHit::activeForModels)) {
            return hits;
        }
        // corroborated only by hits of a frame the post drops: the rules count the signs, the
        // models see them mitigated, as they see the hits that corroborate them
        CueHit.Context uncorroborated =
                corroborated(hits, tokens, CueHit::active) ? CueHit.Context.UNMASKED : CueHit.Context.MITIGATED;
        List<CueHit> result = new ArrayList<>(hits.size());
        for (CueHit h : hits) {
            result.add(
                    h.active() && isSigns(h.rule())
                            ? new CueHit(h.rule(), h.sentence(), h.start(), h.end(), uncorroborated)
                            : h);
        }
        return result;
    }

    /** Whether the post has no signs, or corroborates them among the hits that {@code counts}. */
    private static boolean corroborated(List<CueHit> hits, String[] tokens, Predicate<CueHit> counts) {
        CueHit firstSign = null;
        for (CueHit h : hits) {
            CueRule rule = h.rule();
            if (rule.category() != Category.SELF_HARM || !counts.test(h)) {
                continue;
            }
            if (isSigns(rule)) {
                if (firstSign == null) {
                    firstSign = h;
                } else if (h.start() >= firstSign.end() || h.end() <= firstSign.start()) {
                    return true;
                }
            } else if (rule.kind() == CueRule.Kind.SIGNAL) {
                return true;
            } else if (rule.cue().equals("means") && !insideSigns(h, hits)) {
                for (int i = h.start(); i < h.end(); i++) {
                    if (OBJECT_MEANS.contains(tokens[i])) {
                        return true;
                    }
                }
            }
        }
        return firstSign == null;
    }

    /** Whether a self-harm cue needs corroboration ({@code act_signs}, {@code plan_signs}…). */
    public static boolean isSigns(CueRule rule) {
        return rule.category() == Category.SELF_HARM && rule.cue().endsWith(SIGNS_SUFFIX);
    }

    /** The cue a corroborated {@code *_signs} hit counts as in the risk rules: {@code plan_signs} is a plan. */
    public static String baseCue(CueRule rule) {
        String cue = rule.cue();
        return isSigns(rule) ? cue.substring(0, cue.length() - SIGNS_SUFFIX.length()) : cue;
    }

    private static final String SIGNS_SUFFIX = "_signs";

    /** Whether a hit lies within a signs hit ("I took my pills an hour ago" is not corroborated by its own "pills"). */
    private static boolean insideSigns(CueHit h, List<CueHit> hits) {
        for (CueHit a : hits) {
            if (isSigns(a.rule()) && a.start() <= h.start() && h.end() <= a.end()) {
                return true;
            }
        }
        return false;
    }

    /** The prefix-first rules that may start at {@code token}, in their catalogue order. */
    private int[] prefixFirst(String token) {
        return !token.isEmpty() && token.charAt(0) < 128 ? prefixFirstByChar[token.charAt(0)] : prefixFirst;
    }

    /** Whether a sentence holding the required words {@code sentence} can contain a match of the rule. */
    private boolean possible(int rule, long[] sentence) {
        int[] bits = requiredBits[rule];
        if (bits == null) {
            return true;
        }
        for (int bit : bits) {
            if ((sentence[bit >>> 6] & (1L << bit)) != 0) {
                return true;
            }
        }
        return false;
    }

    private static void addMatch(
            List<Raw> out, CueRule rule, String[] tokens, int[] ids, int sentence, int start, int limit) {
        long[] match = rule.pattern().matchAt(tokens, ids, start, limit);
        int end = match == null ? -1 : (int) match[0];
        if (end > start) {
            for (Raw r : out) {
                // the same cue already covers this span (several patterns of one cue overlap)
                if (r.rule.cue().equals(rule.cue())
                        && r.rule.category() == rule.category()
                        && r.start <= start
                        && r.end >= end) {
                    return;
                }
            }
            out.add(new Raw(rule, sentence, start, end, match[1]));
        }
    }

    private static CueHit.Context context(
            Raw r, AnalyzedText text, CueHit.Context[] mitigatedSentence, boolean[] replyQuoted) {
        if (r.rule.kind() == CueRule.Kind.MITIGATE) {
            return CueHit.Context.ACTIVE;
        }
        String[] t = text.tokens();
        int sentenceStart = text.sentenceStart(r.sentence);
        int sentenceEnd = text.sentenceEnd(r.sentence);
        if (negated(r, t, sentenceStart)) {
            return CueHit.Context.NEGATED;
        }
        if (replyQuoted[r.sentence] || quoted(r, t, sentenceStart)) {
            return CueHit.Context.QUOTED;
        }
        if (r.rule.category() == Category.SELF_HARM && reported(r, t, sentenceStart)) {
            // method seeking, hiding self-harm and pro-ED encouragement are addressed to others
            // ("how do you hide cuts", "if you really want it you'll stop eating"): the second
            // person is what they look like, so only a third person makes them someone else's
            if (!r.rule.cue().equals(INSTRUCTIONS) || thirdPerson(r, t, sentenceStart)) {
                return CueHit.Context.REPORTED;
            }
        }
        if (r.rule.category() == Category.SELF_HARM
                && (past(r, t, sentenceStart, sentenceEnd) || pastStory(r, text, t, sentenceStart, sentenceEnd))) {
            return CueHit.Context.PAST;
        }
        if (mitigatedSentence[r.sentence] != null && r.rule.category() == Category.SELF_HARM) {
            return mitigatedSentence[r.sentence];
        }
        if (r.rule.category() == Category.HARMFUL
                && r.rule.cue().equals(HARASSMENT)
                && selfDirected(t, sentenceStart, sentenceEnd)) {
            // "I'm such an idiot, I left my keys at home": an insult the author aims at themselves
            return CueHit.Context.MITIGATED;
        }
        return CueHit.Context.ACTIVE;
    }

    private static boolean negated(Raw r, String[] t, int sentenceStart) {
        for (int i = r.start; i < r.end && i - r.start < 64; i++) {
            if ((r.gaps & (1L << (i - r.start))) != 0 && NEGATORS.contains(t[i])) {
                return true;
            }
        }
        for (int i = r.start - 1, seen = 0; i >= sentenceStart && seen < 3; i--, seen++) {
            if (CLAUSE_BREAKS.contains(t[i])) {
                return false;
            }
            if (NEGATORS.contains(t[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean quoted(Raw r, String[] t, int sentenceStart) {
        int quotes = 0;
        for (int i = sentenceStart; i < r.start; i++) {
            if (t[i].equals("\"") || t[i].equals("'") || t[i].equals("''") || t[i].equals("``")) {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    /**
     * Whether a scam cue is the author's own ask ("dm me", "send me $40", "pay me by gift card"),
     * told in a sentence that reports no one else's words. A warning quotes the scam it warns about,
     * but "therapy is a scam, dm me for my 30 day cure" is the scam itself, dressed as a warning: its
     * ask stays active evidence.
     */
    private static boolean ownAsk(Raw r, AnalyzedText text) {
        if (!r.rule.cue().equals(SCAM)) {
            return false;
        }
        boolean me = false;
        for (int i = r.start + 1; i < r.end; i++) {
            me |= text.token(i).equals("me") && ASK_VERBS.contains(text.token(i - 1));
        }
        if (!me) {
            return false;
        }
        int end = text.sentenceEnd(r.sentence);
        for (int i = text.sentenceStart(r.sentence); i < end; i++) {
            if (REPORTING.contains(text.token(i))) {
                return false;
            }
        }
        return true;
    }

    private static final String SCAM = "scam";
    private static final Set<String> ASK_VERBS = Set.of(
            "dm",
            "pm",
            "inbox",
            "message",
            "text",
            "whatsapp",
            "telegram",
            "email",
            "pay",
            "send",
            "lend",
            "wire",
            "venmo",
            "cashapp",
            "zelle",
            "paypal",
            "contact",
            "call");
    /** Words that make a sentence another person's words ("he said dm me", "the message asks you to…"). */
    private static final Set<String> REPORTING = Set.of(
            "said",
            "says",
            "saying",
            "asked",
            "asks",
            "asking",
            "told",
            "tells",
            "telling",
            "wrote",
            "writes",
            "claimed",
            "claims",
            "claiming",
            "messaged",
            "dmed",
            "texted",
            "emailed",
            "got",
            "received",
            "wants",
            "wanted",
            "like",
            "\"",
            "'");

    private static final String INSTRUCTIONS = "instructions";
    private static final String HARASSMENT = "harassment";
    /** The HARMFUL context cue of games, sport and teasing: it mitigates threats and insults only. */
    private static final String PLAY = "play";

    private static final String THREAT = "threat";
    /** The HARMFUL cues a {@link #PLAY} context mitigates: threats and insults, not scams or hate. */
    private static final Set<String> PLAYABLE = Set.of(HARASSMENT, THREAT);

    private static final Set<String> SELF = Set.of("i", "me", "myself");
    private static final Set<String> OTHERS = Set.of(
            "you",
            "your",
            "yourself",
            "yours",
            "y'all",
            "u",
            "ur",
            "ya",
            "he",
            "she",
            "him",
            "her",
            "they",
            "them",
            "his",
            "their",
            "this",
            "that",
            "these",
            "those",
            "everyone",
            "people",
            "somebody",
            "someone");

    /** A sentence about the author alone: a first person and nobody else. */
    private static boolean selfDirected(String[] t, int sentenceStart, int sentenceEnd) {
        boolean self = false;
        for (int i = sentenceStart; i < sentenceEnd; i++) {
            if (OTHERS.contains(t[i])) {
                return false;
            }
            self |= SELF.contains(t[i]);
        }
        return self;
    }

    /** The nearest person before or inside the hit is a third person ("my sister asked how…"). */
    private static boolean thirdPerson(Raw r, String[] t, int sentenceStart) {
        return person(r, t, sentenceStart) == 3;
    }

    /** The nearest person before or inside the hit is someone other than the author. */
    private static boolean reported(Raw r, String[] t, int sentenceStart) {
        return person(r, t, sentenceStart) >= 2;
    }

    /** 1 first, 2 second, 3 third person nearest before or inside the hit (0 none; a report verb after a second or third person: 3). */
    private static int person(Raw r, String[] t, int sentenceStart) {
        int from = Math.max(sentenceStart, r.start - 6);
        int person = 0; // 1 first, 2 second, 3 third
        for (int i = from; i < r.end; i++) {
            String w = t[i];
            if (FIRST.contains(w)) {
                person = 1;
            } else if (SECOND.contains(w)) {
                person = 2;
            } else if (THIRD.contains(w)) {
                person = 3;
            } else if ((w.equals("my") || w.equals("our") || w.equals("a") || w.equals("his") || w.equals("her"))
                    && i + 1 < r.end + 2
                    && i + 1 < t.length
                    && PERSON_NOUNS.contains(t[i + 1])) {
                person = 3;
                i++;
            } else if (REPORT_VERBS.contains(w) && person >= 2) {
                return 3;
            }
        }
        return person;
    }

    private static boolean past(Raw r, String[] t, int sentenceStart, int sentenceEnd) {
        boolean pastMarker = false;
        for (int i = sentenceStart; i < sentenceEnd; i++) {
            String w = t[i];
            if ((w.equals("ago") && !(i > sentenceStart && RECENT_AGO.contains(t[i - 1])))
                    || (w.equals("used") && i + 1 < sentenceEnd && t[i + 1].equals("to"))
                    || (w.equals("back") && i + 1 < sentenceEnd && t[i + 1].equals("then"))
                    || (w.equals("when") && i + 2 < sentenceEnd && t[i + 1].equals("i") && t[i + 2].equals("was"))) {
                pastMarker = true;
            }
        }
        if (!pastMarker) {
            return false;
        }
        for (int i = sentenceStart; i < sentenceEnd; i++) {
            String w = t[i];
            if (w.equals("again") || w.equals("still") || w.equals("lately") || w.equals("tonight")) {
                return false;
            }
        }
        return true;
    }

    /**
     * "Ago" after these is recent, not a story from the past: an attempt or an injury days or weeks
     * ago is part of the present risk (the weeks after an attempt are the most dangerous), unlike
     * "years ago" or "when I was 15".
     */
    private static final Set<String> RECENT_AGO = Set.of(
            "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "seconds", "moments", "day", "days",
            "week", "weeks", "wk", "wks", "night", "nights", "while");

    private static final Set<String> PAST_FORMS = Set.of("had", "was", "were", "did", "picked", "wrote", "tried");
    private static final Set<String> RECENT_UNITS =
            Set.of("minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "seconds", "moments");
    private static final Set<String> NOW_WORDS =
            Set.of("again", "still", "lately", "tonight", "now", "today", "am", "will", "going", "tomorrow", "have");

    /**
     * A story told about the past: the previous sentence sets the time ("two years ago I…") and
     * the hit, in a past form ("I had a plan"), continues it with nothing in its sentence about now.
     */
    private static boolean pastStory(Raw r, AnalyzedText text, String[] t, int sentenceStart, int sentenceEnd) {
        if (r.sentence == 0) {
            return false;
        }
        boolean pastForm = false;
        for (int i = r.start; i < r.end; i++) {
            pastForm |= PAST_FORMS.contains(t[i]);
        }
        if (!pastForm) {
            return false;
        }
        for (int i = sentenceStart; i < sentenceEnd; i++) {
            if (NOW_WORDS.contains(t[i])) {
                return false;
            }
        }
        int prev = r.sentence - 1;
        int prevStart = text.sentenceStart(prev);
        int prevEnd = text.sentenceEnd(prev);
        for (int i = prevStart; i < prevEnd; i++) {
            if (RECENT_UNITS.contains(t[i])) {
                return false; // "twenty minutes ago" is now
            }
        }
        return past(r, t, prevStart, prevEnd);
    }

    /**
     * A match before its context is read; {@code gaps}: the tokens the pattern's gaps skipped, as a
     * bit mask relative to {@code start} (a negation there negates the hit).
     */
    private record Raw(CueRule rule, int sentence, int start, int end, long gaps) {}
}
