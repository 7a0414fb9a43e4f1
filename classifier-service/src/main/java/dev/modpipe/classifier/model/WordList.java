package dev.modpipe.classifier.model;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A hand-written list of normalised words and stems (a stem ends in {@code *} and stands for every
 * word it begins, from three characters on), each filed under a value: the lookup behind {@link
 * WordClasses} and {@link Concepts}. A word's own entry wins over the stems it begins with, and a
 * longer stem over a shorter one. Filled once in a static initialiser, then only read, so it is
 * safe to share between threads.
 *
 * @param <V> what a word is filed under
 */
final class WordList<V> {
    private final Map<String, V> exact = new HashMap<>();
    private final Map<String, V> stems = new HashMap<>();
    private final int longestStem;
    private final V none;

    /**
     * @param longestStem the longest stem a lookup tries (longer stems are never found)
     * @param none what a word without an entry is filed under
     */
    WordList(int longestStem, V none) {
        this.longestStem = longestStem;
        this.none = none;
    }

    /**
     * Files each word of a space-separated list under what {@code merge} makes of the value it
     * already has ({@code none} if it has none yet).
     */
    void add(String words, UnaryOperator<V> merge) {
        for (String w : words.split(" ")) {
            if (w.isEmpty()) {
                continue;
            }
            boolean stem = w.endsWith("*");
            Map<String, V> map = stem ? stems : exact;
            String key = stem ? w.substring(0, w.length() - 1) : w;
            map.put(key, merge.apply(map.getOrDefault(key, none)));
        }
    }

    /** What a normalised token is filed under: its own entry, else its longest stem's, else {@code none}. */
    V of(String token) {
        V v = exact.get(token);
        if (v != null) {
            return v;
        }
        for (int len = Math.min(token.length(), longestStem); len >= 3; len--) {
            v = stems.get(token.substring(0, len));
            if (v != null) {
                return v;
            }
        }
        return none;
    }
}
