package dev.modpipe.classifier.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * The second view of a post, for the categorizers that are stacked on each category's main pair
 * ({@link Stack}): character 4-grams of the words (joined by single spaces, so that they also span
 * word boundaries), word trigrams, and the engine's cue and claim tokens. (3- to 5-grams did no
 * better in cross-validation and took twice as long to train.)
 *
 * <p>Where {@link PostFeatureGenerator} sees whole words and pairs, this view sees parts of words
 * and longer runs: misspellings and inflections share 4-grams ({@code whel} in {@code
 * overwhelmed}, {@code overwhelming}, {@code overwhelmin}), and three-word runs ({@code by which i},
 * {@code i won't be}, {@code not going to}) keep more of the order. Its models err differently from
 * the word models, which is what a stack gains from (module README, Round 12). Stateless and
 * thread-safe; instantiated by class name when a model is loaded.
 */
public class SurfaceFeatureGenerator implements FeatureGenerator {
    /** The window's length in characters; {@link #pack} relies on it being four (4 × 16 bits). */
    static final int GRAM = 4;

    static {
        PostFeatureGenerator.allow();
    }

    public SurfaceFeatureGenerator() {
        // instantiated reflectively by DoccatFactory
    }

    @Override
    public Collection<String> extractFeatures(String[] text, Map<String, Object> extraInformation) {
        Parts parts = parts(text);
        String s = parts.joined();
        List<String> features = new ArrayList<>(parts.others().size() + s.length());
        features.addAll(parts.others());
        for (int i = 0; i + GRAM <= s.length(); i++) {
            features.add(s.substring(i, i + GRAM));
        }
        return features;
    }

    /**
     * A document's features before the character n-grams are cut: the cue tokens and word trigrams
     * in order, and the words joined by single spaces (with a space at each end), from which every
     * {@link #GRAM}-character window is a feature. The engine reads the windows straight from
     * {@code joined} ({@link #pack}) instead of making a string of each.
     */
    record Parts(List<String> others, String joined) {}

    static Parts parts(String[] text) {
        StringBuilder joined = new StringBuilder(text.length * 6).append(' ');
        List<String> others = new ArrayList<>(text.length + 4);
        others.add(PostFeatureGenerator.BIAS);
        String first = "<s>";
        String second = "<s>";
        for (String token : text) {
            if (token.startsWith("#")) {
                others.add(token);
                continue;
            }
            joined.append(token).append(' ');
            others.add("t=" + first + "_" + second + "_" + token);
            first = second;
            second = token;
        }
        return new Parts(others, joined.toString());
    }

    /**
     * The {@link #GRAM} characters of {@code s} from {@code at} as one number: four UTF-16 units of
     * 16 bits each fill a {@code long} exactly, so two different windows never share a number.
     */
    static long pack(CharSequence s, int at) {
        return ((long) s.charAt(at) << 48)
                | ((long) s.charAt(at + 1) << 32)
                | ((long) s.charAt(at + 2) << 16)
                | s.charAt(at + 3);
    }
}
