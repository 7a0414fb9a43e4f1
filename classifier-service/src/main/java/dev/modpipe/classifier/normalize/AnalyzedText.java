package dev.modpipe.classifier.normalize;

/**
 * A normalised post split into sentences and tokens. Token offsets are in the normalised text;
 * {@link #originalSpan(int, int)} maps a token range back to the original text.
 *
 * @param normalized the normalised text and its map to the original
 * @param tokens the tokens, lower case
 * @param starts normalised start offset of each token
 * @param ends normalised end offset (exclusive) of each token
 * @param sentenceOf the sentence index of each token
 * @param sentenceStarts for each sentence, the index of its first token; one extra entry holds the
 *     token count
 * @param replyQuoted for each sentence, whether it is a reply's quotation of another post: the
 *     sentences of lines that begin with {@code >} ("> I can't do this anymore" above "you're not
 *     alone, I felt that too"). Only a post that also has a line of its own with a word in it is a
 *     reply; a post of nothing but {@code >} lines is the author's own story told that way, and
 *     none of it is quoted. Computed once here; the cues, the claims and the models' document all
 *     read it.
 */
public record AnalyzedText(
        NormalizedText normalized,
        String[] tokens,
        int[] starts,
        int[] ends,
        int[] sentenceOf,
        int[] sentenceStarts,
        boolean[] replyQuoted) {

    public AnalyzedText(
            NormalizedText normalized,
            String[] tokens,
            int[] starts,
            int[] ends,
            int[] sentenceOf,
            int[] sentenceStarts) {
        this(
                normalized,
                tokens,
                starts,
                ends,
                sentenceOf,
                sentenceStarts,
                replyQuoted(normalized.text(), tokens, starts, sentenceStarts));
    }

    public int size() {
        return tokens.length;
    }

    public String token(int i) {
        return tokens[i];
    }

    public int sentenceCount() {
        return sentenceStarts.length - 1;
    }

    public int sentenceStart(int sentence) {
        return sentenceStarts[sentence];
    }

    public int sentenceEnd(int sentence) {
        return sentenceStarts[sentence + 1];
    }

    /** The original span {@code [start, end)} covered by tokens {@code [from, to)}. */
    public int[] originalSpan(int from, int to) {
        return normalized.toOriginal(starts[from], ends[to - 1]);
    }

    private static boolean[] replyQuoted(String t, String[] tokens, int[] starts, int[] sentenceStarts) {
        boolean[] quoted = new boolean[sentenceStarts.length - 1];
        if (t.indexOf('>') < 0) {
            return quoted;
        }
        boolean ownLine = false;
        boolean any = false;
        for (int s = 0; s < quoted.length; s++) {
            int first = sentenceStarts[s];
            int end = sentenceStarts[s + 1];
            if (first == end) {
                continue;
            }
            int i = t.lastIndexOf('\n', starts[first] - 1) + 1;
            while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
                i++;
            }
            quoted[s] = i < t.length() && t.charAt(i) == '>';
            any |= quoted[s];
            if (!quoted[s]) {
                for (int k = first; k < end && !ownLine; k++) {
                    ownLine = Character.isLetterOrDigit(tokens[k].charAt(0));
                }
            }
        }
        if (any && !ownLine) {
            return new boolean[quoted.length];
        }
        return quoted;
    }
}
