package dev.modpipe.classifier.normalize;

import java.util.Arrays;

/**
 * A post's text after normalisation, with a map from every normalised character back to the span
 * of the original text it came from, so that evidence found in the normalised text points at the
 * original (for example {@code "kill myself"} found in the normalised text maps back to {@code
 * "kms"}). Immutable and thread-safe.
 */
public final class NormalizedText {
    private final String original;
    private final String text;
    private final int[] starts;
    private final int[] ends;

    NormalizedText(String original, String text, int[] starts, int[] ends) {
        this.original = original;
        this.text = text;
        this.starts = starts;
        this.ends = ends;
    }

    /** The identity normalisation: the text itself, each character mapped to itself. */
    public static NormalizedText identity(String original) {
        int n = original.length();
        int[] starts = new int[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            starts[i] = i;
            ends[i] = i + 1;
        }
        return new NormalizedText(original, original, starts, ends);
    }

    /** The fallback normalisation: lower case only (when that keeps the length), no other change. */
    public static NormalizedText lowerCased(String original) {
        NormalizedText identity = identity(original);
        String lower = original.toLowerCase(java.util.Locale.ROOT);
        return lower.length() == original.length()
                ? new NormalizedText(original, lower, identity.starts, identity.ends)
                : identity;
    }

    public String original() {
        return original;
    }

    /** The normalised text: lower case, evasions resolved, slang and contractions expanded. */
    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    /** The original offset where the normalised character at {@code index} starts. */
    public int originalStart(int index) {
        if (text.isEmpty()) {
            return 0;
        }
        return index >= starts.length ? original.length() : starts[index];
    }

    /** The original offset (exclusive) where the normalised characters before {@code end} end. */
    public int originalEnd(int end) {
        if (end <= 0 || text.isEmpty()) {
            return 0;
        }
        return ends[Math.min(end, ends.length) - 1];
    }

    /** The original span {@code [start, end)} of the normalised span {@code [start, end)}. */
    public int[] toOriginal(int start, int end) {
        int s = originalStart(start);
        int e = Math.max(s, originalEnd(end));
        return new int[] {s, e};
    }

    /** The first normalised index whose original span starts at or after {@code originalOffset}. */
    public int toNormalized(int originalOffset) {
        int i = Arrays.binarySearch(starts, originalOffset);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && starts[i - 1] == originalOffset) {
            i--;
        }
        return i;
    }
}
