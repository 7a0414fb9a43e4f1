package dev.modpipe.classifier.engine;

import dev.modpipe.classifier.cues.ClaimCatalogue;
import dev.modpipe.classifier.cues.ClaimCatalogue.ClaimHit;
import dev.modpipe.classifier.cues.CueCatalogue;
import dev.modpipe.classifier.cues.CueHit;
import dev.modpipe.classifier.normalize.AnalyzedText;
import dev.modpipe.classifier.normalize.EmojiMoods;
import dev.modpipe.classifier.normalize.LanguageGuesser;
import dev.modpipe.classifier.normalize.Lexicon;
import dev.modpipe.classifier.normalize.NormalizedText;
import dev.modpipe.classifier.normalize.TextAnalyzer;
import dev.modpipe.classifier.normalize.TextNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a post into {@link PostFeatures}: normalisation, language, sentences and tokens (OpenNLP),
 * cue and claim hits, and the categorizers' document tokens. The same code prepares the training
 * corpus and live posts, so the models see the same features in both. Each stage that fails is
 * recorded in {@link Stage} failures and replaced by a conservative fallback (identity
 * normalisation, whitespace tokens, no hits) so that a post is never lost. Thread-safe.
 */
public final class FeatureExtractor {
    private static final Logger log = LoggerFactory.getLogger(FeatureExtractor.class);
    private static final Set<String> KEPT_PUNCTUATION = Set.of("?", "!");

    /** The stages of feature extraction. */
    public enum Stage {
        NORMALIZE,
        LANGUAGE,
        TOKENIZE,
        CUES,
        CLAIMS,
        MODELS
    }

    private final TextNormalizer normalizer;
    private final LanguageGuesser languages;
    private final TextAnalyzer analyzer;
    private final CueCatalogue cues;
    private final ClaimCatalogue claims;

    public FeatureExtractor(
            TextNormalizer normalizer,
            LanguageGuesser languages,
            TextAnalyzer analyzer,
            CueCatalogue cues,
            ClaimCatalogue claims) {
        this.normalizer = normalizer;
        this.languages = languages;
        this.analyzer = analyzer;
        this.cues = cues;
        this.claims = claims;
    }

    /** Loads the catalogues and the pre-trained OpenNLP models from the classpath. */
    public static FeatureExtractor fromClasspath() {
        CueCatalogue cues = CueCatalogue.load();
        return new FeatureExtractor(
                new TextNormalizer(Lexicon.of(cues.words())),
                LanguageGuesser.fromClasspath(),
                TextAnalyzer.fromClasspath(),
                cues,
                ClaimCatalogue.load());
    }

    public CueCatalogue cues() {
        return cues;
    }

    public ClaimCatalogue claims() {
        return claims;
    }

    /** Extracts the features, recording failed stages in {@code failed}. */
    public PostFeatures extract(String text, String languageHint, EnumSet<Stage> failed) {
        NormalizedText normalized;
        try {
            normalized = normalizer.normalize(text);
        } catch (RuntimeException e) {
            stageFailed(Stage.NORMALIZE, e, failed);
            normalized = NormalizedText.lowerCased(text);
        }
        String language;
        try {
            language = languages.guess(text, normalized.text(), languageHint);
        } catch (RuntimeException e) {
            stageFailed(Stage.LANGUAGE, e, failed);
            language = "und";
        }
        AnalyzedText analyzed;
        try {
            analyzed = analyzer.analyze(normalized);
        } catch (RuntimeException e) {
            stageFailed(Stage.TOKENIZE, e, failed);
            analyzed = whitespaceTokens(normalized);
        }
        List<CueHit> cueHits;
        try {
            cueHits = cues.find(analyzed);
        } catch (RuntimeException e) {
            stageFailed(Stage.CUES, e, failed);
            cueHits = List.of();
        }
        List<ClaimHit> claimHits;
        try {
            claimHits = claims.find(analyzed);
        } catch (RuntimeException e) {
            stageFailed(Stage.CLAIMS, e, failed);
            claimHits = List.of();
        }
        // the words are read once, for the whole post's document and for its passages
        String[] words = words(analyzed);
        return new PostFeatures(
                language,
                analyzed,
                cueHits,
                claimHits,
                assemble(words, 0, words.length, cueHits, claimHits, EmojiMoods.features(text)),
                passages(words, cueHits, claimHits));
    }

    private static void stageFailed(Stage stage, RuntimeException e, EnumSet<Stage> failed) {
        failed.add(stage);
        // the exception message may quote text, so only its type is logged
        log.warn(
                "classifier stage {} failed ({}); using its fallback",
                stage,
                e.getClass().getName());
    }

    /**
     * The categorizers' input for each sentence of a post, as for a passage: the sentence's words
     * and the hits that start in it; empty for a post of more than {@code maxSentences} sentences.
     */
    public static List<String[]> sentenceDocuments(PostFeatures f, int maxSentences) {
        AnalyzedText text = f.text();
        if (text.sentenceCount() > maxSentences) {
            return List.of();
        }
        String[] words = words(text);
        List<String[]> documents = new ArrayList<>(text.sentenceCount());
        for (int s = 0; s < text.sentenceCount(); s++) {
            documents.add(assemble(words, text.sentenceStart(s), text.sentenceEnd(s), f.cues(), f.claims(), List.of()));
        }
        return documents;
    }

    /** The most words a passage of a long post holds ({@link #passages}). */
    static final int PASSAGE_WORDS = 40;

    /** Posts of more words than this are read passage by passage too. */
    static final int LONG_POST_WORDS = 80;

    /** How far each passage starts after the one before: half a passage, so they overlap. */
    static final int PASSAGE_STRIDE = PASSAGE_WORDS / 2;

    /**
     * The passages of a long post, given its {@link #words}: windows of {@link #PASSAGE_WORDS} words,
     * one every {@link #PASSAGE_STRIDE} words, each with the cue and claim hits that start in it;
     * empty for a post of no more than {@link #LONG_POST_WORDS} words. The categorizers weigh every
     * word of a post, so a plan told in two lines of an otherwise ordinary week ("work's been a
     * lot, the cat is fine ... I've saved up the pills for tonight") is outweighed by the
     * ordinary words; a passage around those lines is scored as the short post it would be on its
     * own. The hits keep their context from the whole post (a "years ago" two sentences earlier
     * still makes them past).
     */
    static List<Passage> passages(String[] words, List<CueHit> cueHits, List<ClaimHit> claimHits) {
        int[] positions = new int[words.length];
        int count = 0;
        for (int i = 0; i < words.length; i++) {
            if (words[i] != null) {
                positions[count++] = i;
            }
        }
        if (count <= LONG_POST_WORDS) {
            return List.of();
        }
        List<Passage> passages = new ArrayList<>();
        for (int first = 0; ; first += PASSAGE_STRIDE) {
            int last = Math.min(count, first + PASSAGE_WORDS) - 1;
            int from = first == 0 ? 0 : positions[first];
            int to = last == count - 1 ? words.length : positions[last] + 1;
            passages.add(new Passage(from, to, assemble(words, from, to, cueHits, claimHits, List.of())));
            if (last == count - 1) {
                return passages;
            }
        }
    }

    /**
     * Per token, the word the categorizers see, or {@code null} for a token they do not see
     * (punctuation, quotation marks): words between quotation marks are someone else's (a scam
     * quoted to warn about it, a supportive line replied to) and are features of their own ({@code
     * "q:" + word}), so the model weighs them apart from the author's words. Double and single marks
     * pair only with their own kind, and only when that kind's marks pair up: an odd count means
     * apostrophes ("my friends' dog") or a stray mark, and then nothing is taken as quoted by them.
     * The lines of a reply that quote the post replied to ("> ...") are someone else's too.
     */
    private static String[] words(AnalyzedText text) {
        String[] tokens = text.tokens();
        boolean[] replyQuoted = text.replyQuoted();
        int[] sentenceOf = text.sentenceOf();
        int doubles = 0;
        int singles = 0;
        for (int i = 0; i < tokens.length; i++) {
            if (replyQuoted[sentenceOf[i]]) {
                continue;
            }
            if (isDoubleQuote(tokens[i])) {
                doubles++;
            } else if (tokens[i].equals("'")) {
                singles++;
            }
        }
        boolean byDoubles = doubles >= 2 && doubles % 2 == 0;
        boolean bySingles = singles >= 2 && singles % 2 == 0;
        boolean inDoubles = false;
        boolean inSingles = false;
        String[] words = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (replyQuoted[sentenceOf[i]]) {
                if (isWord(token)) {
                    words[i] = "q:" + token;
                }
            } else if (byDoubles && isDoubleQuote(token)) {
                inDoubles = !inDoubles;
            } else if (bySingles && token.equals("'")) {
                inSingles = !inSingles;
            } else if (isWord(token) || KEPT_PUNCTUATION.contains(token)) {
                words[i] = inDoubles || inSingles ? "q:" + token : token;
            }
        }
        return words;
    }

    /** The document of tokens {@code [from, to)}: their words, then the hits that start there. */
    private static String[] assemble(
            String[] words, int from, int to, List<CueHit> cueHits, List<ClaimHit> claimHits, List<String> moods) {
        List<String> doc = new ArrayList<>(to - from + cueHits.size() + claimHits.size() + moods.size() + 2);
        for (int i = from; i < to; i++) {
            if (words[i] != null) {
                doc.add(words[i]);
            }
        }
        for (CueHit hit : cueHits) {
            if (hit.start() < from || hit.start() >= to) {
                continue;
            }
            if (hit.rule().cue().equals(CueCatalogue.UNMASKED)) {
                continue; // read by the rules only: the models see the frame's words
            }
            doc.add(hit.feature());
            if (hit.activeForModels() && hit.rule().risk().ordinal() > 0) {
                doc.add("#sh.risk." + hit.rule().risk().name().toLowerCase(Locale.ROOT));
            }
        }
        for (ClaimHit hit : claimHits) {
            if (hit.start() < from || hit.start() >= to) {
                continue;
            }
            doc.add(hit.feature());
            doc.add("#claim." + hit.claim().subcategory().key().substring("misinformation/".length()));
        }
        // the moods of the emoji normalisation drops (a mock threat's 😂, a bedtime goodbye's 💤)
        doc.addAll(moods);
        return doc.toArray(new String[0]);
    }

    private static boolean isDoubleQuote(String token) {
        return token.equals("\"") || token.equals("''") || token.equals("``");
    }

    private static boolean isWord(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.isLetterOrDigit(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The fallback tokeniser: runs of non-space characters, one sentence per line. */
    static AnalyzedText whitespaceTokens(NormalizedText text) {
        String t = text.text();
        List<int[]> spans = new ArrayList<>();
        List<Integer> sentenceStarts = new ArrayList<>();
        sentenceStarts.add(0);
        int start = -1;
        for (int i = 0; i <= t.length(); i++) {
            char c = i < t.length() ? t.charAt(i) : '\n';
            boolean space = Character.isWhitespace(c);
            if (!space && start < 0) {
                start = i;
            } else if (space && start >= 0) {
                spans.add(new int[] {start, i});
                start = -1;
            }
            if (c == '\n' && spans.size() > sentenceStarts.get(sentenceStarts.size() - 1)) {
                sentenceStarts.add(spans.size());
            }
        }
        if (sentenceStarts.get(sentenceStarts.size() - 1) != spans.size()) {
            sentenceStarts.add(spans.size());
        }
        int n = spans.size();
        String[] tokens = new String[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        int[] sentenceOf = new int[n];
        int sentence = 0;
        for (int i = 0; i < n; i++) {
            while (sentence + 1 < sentenceStarts.size() && sentenceStarts.get(sentence + 1) <= i) {
                sentence++;
            }
            starts[i] = spans.get(i)[0];
            ends[i] = spans.get(i)[1];
            tokens[i] = t.substring(starts[i], ends[i]);
            sentenceOf[i] = sentence;
        }
        int[] index = sentenceStarts.stream().mapToInt(Integer::intValue).toArray();
        if (index.length == 1) {
            index = new int[] {0, 0};
        }
        return new AnalyzedText(text, tokens, starts, ends, sentenceOf, Arrays.copyOf(index, index.length));
    }
}
