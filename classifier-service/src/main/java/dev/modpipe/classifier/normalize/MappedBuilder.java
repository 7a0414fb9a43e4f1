package dev.modpipe.classifier.normalize;

import java.util.Arrays;

/** Builds a normalised text and its map to original offsets, one pass at a time. Not thread-safe. */
final class MappedBuilder {
    private final StringBuilder text;
    private int[] starts;
    private int[] ends;

    MappedBuilder(int capacity) {
        int c = Math.max(16, capacity);
        text = new StringBuilder(c);
        starts = new int[c];
        ends = new int[c];
    }

    int length() {
        return text.length();
    }

    char charAt(int i) {
        return text.charAt(i);
    }

    void append(char c, int originalStart, int originalEnd) {
        int n = text.length();
        if (n == starts.length) {
            starts = Arrays.copyOf(starts, n * 2);
            ends = Arrays.copyOf(ends, n * 2);
        }
        text.append(c);
        starts[n] = originalStart;
        ends[n] = originalEnd;
    }

    /** Appends every character of {@code s}, each mapped to the whole original span. */
    void append(CharSequence s, int originalStart, int originalEnd) {
        for (int i = 0; i < s.length(); i++) {
            append(s.charAt(i), originalStart, originalEnd);
        }
    }

    /** Appends characters {@code [from, to)} of a previous pass, keeping their map. */
    void copy(NormalizedText previous, int from, int to) {
        String t = previous.text();
        for (int i = from; i < to; i++) {
            append(t.charAt(i), previous.originalStart(i), previous.originalEnd(i + 1));
        }
    }

    /** Appends {@code s} in place of characters {@code [from, to)} of a previous pass. */
    void replace(CharSequence s, NormalizedText previous, int from, int to) {
        int os = previous.originalStart(from);
        int oe = Math.max(os, previous.originalEnd(to));
        append(s, os, oe);
    }

    /** A separator that exists only in the normalised text, mapped to an empty original span. */
    void space(NormalizedText previous, int beforeIndex) {
        int at = beforeIndex < previous.length()
                ? previous.originalStart(beforeIndex)
                : previous.original().length();
        append(' ', at, at);
    }

    NormalizedText build(String original) {
        int n = text.length();
        return new NormalizedText(original, text.toString(), Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
    }
}
