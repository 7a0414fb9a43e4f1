package dev.modpipe.classifier.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import opennlp.tools.sentdetect.SentenceDetector;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.ThreadSafeSentenceDetectorME;
import opennlp.tools.tokenize.ThreadSafeTokenizerME;
import opennlp.tools.tokenize.Tokenizer;
import opennlp.tools.tokenize.TokenizerFactory;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Sentence detection and tokenisation with OpenNLP's pre-trained English models (the UD-EWT
 * models of {@code opennlp-models-sentdetect-en} and {@code opennlp-models-tokenizer-en}, loaded
 * once from the jar root). Sentences are found in the original text (the model expects case) and
 * mapped into the normalised text; every line break also ends a sentence. Tokens are found in the
 * normalised text. Thread-safe: the OpenNLP {@code *ME} classes are used through their {@code
 * ThreadSafe*} wrappers, which keep one instance per thread.
 */
public final class TextAnalyzer {
    public static final String SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    public static final String TOKENIZER_MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";

    private final SentenceDetector sentences;
    private final Tokenizer tokenizer;

    public TextAnalyzer(SentenceDetector sentences, Tokenizer tokenizer) {
        this.sentences = sentences;
        this.tokenizer = tokenizer;
    }

    /** Loads the pre-trained models from the classpath. */
    public static TextAnalyzer fromClasspath() {
        try (InputStream s = open(SENTENCE_MODEL);
                InputStream t = open(TOKENIZER_MODEL)) {
            SentenceModel sentenceModel = new SentenceModel(s);
            TokenizerModel loaded = new TokenizerModel(t);
            // Same maxent model, with OpenNLP's alphanumeric optimisation on: plain words are not
            // split character by character, which makes tokenising about three times faster.
            TokenizerFactory factory = loaded.getFactory();
            TokenizerModel fast = new TokenizerModel(
                    loaded.getMaxentModel(),
                    new HashMap<>(),
                    new TokenizerFactory(factory.getLanguageCode(), factory.getAbbreviationDictionary(), true, null));
            return new TextAnalyzer(new ThreadSafeSentenceDetectorME(sentenceModel), new ThreadSafeTokenizerME(fast));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the OpenNLP sentence or tokenizer model", e);
        }
    }

    static InputStream open(String resource) throws IOException {
        InputStream in = TextAnalyzer.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("model " + resource + " is not on the classpath");
        }
        return in;
    }

    public AnalyzedText analyze(NormalizedText text) {
        int[] cuts = sentenceCuts(text);
        String t = text.text();
        int capacity = Math.max(8, t.length() / 3);
        String[] tokens = new String[capacity];
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int[] sentenceOf = new int[capacity];
        int[] sentenceStarts = new int[cuts.length + 1];
        int count = 0;
        int sentence = 0;
        int from = 0;
        for (int c = 0; c <= cuts.length; c++) {
            int to = c < cuts.length ? cuts[c] : t.length();
            if (to <= from) {
                continue;
            }
            int sentenceFirstToken = count;
            for (Span span : tokenizer.tokenizePos(t.substring(from, to))) {
                if (count == tokens.length) {
                    int n = count * 2;
                    tokens = Arrays.copyOf(tokens, n);
                    starts = Arrays.copyOf(starts, n);
                    ends = Arrays.copyOf(ends, n);
                    sentenceOf = Arrays.copyOf(sentenceOf, n);
                }
                starts[count] = from + span.getStart();
                ends[count] = from + span.getEnd();
                tokens[count] = t.substring(starts[count], ends[count]);
                sentenceOf[count] = sentence;
                count++;
            }
            if (count > sentenceFirstToken) {
                sentenceStarts[sentence] = sentenceFirstToken;
                sentence++;
            }
            from = to;
        }
        int[] sentenceIndex = Arrays.copyOf(sentenceStarts, sentence + 1);
        sentenceIndex[sentence] = count;
        return new AnalyzedText(
                text,
                Arrays.copyOf(tokens, count),
                Arrays.copyOf(starts, count),
                Arrays.copyOf(ends, count),
                Arrays.copyOf(sentenceOf, count),
                sentenceIndex);
    }

    /** Normalised offsets where sentences end: the sentence model's ends and every line break. */
    private int[] sentenceCuts(NormalizedText text) {
        String t = text.text();
        Span[] found = text.original().length() > 1 ? sentences.sentPosDetect(text.original()) : new Span[0];
        int[] cuts = new int[found.length + 8];
        int n = 0;
        for (Span s : found) {
            int cut = text.toNormalized(s.getEnd());
            if (cut > 0 && cut < t.length()) {
                cuts = add(cuts, n++, cut);
            }
        }
        for (int i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) {
            cuts = add(cuts, n++, i + 1);
        }
        int[] sorted = Arrays.copyOf(cuts, n);
        Arrays.sort(sorted);
        return sorted;
    }

    private static int[] add(int[] a, int n, int v) {
        int[] r = n == a.length ? Arrays.copyOf(a, n * 2) : a;
        r[n] = v;
        return r;
    }
}
