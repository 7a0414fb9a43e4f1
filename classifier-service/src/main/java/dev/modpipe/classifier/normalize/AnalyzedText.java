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
 */
public record AnalyzedText(
        NormalizedText normalized, String[] tokens, int[] starts, int[] ends, int[] sentenceOf, int[] sentenceStarts) {

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

    /**
     * Which sentences are a reply's quotation of another post: the sentences of lines that begin
     * with {@code >} ("> I can't do this anymore" above "you're not alone, I felt that too"). Only
     * a post that also has a line of its own with a word in it is a reply; a post of nothing but
     * {@code >} lines is the author's own story told that way, and none of it is quoted.
     */
    public boolean[] replyQuotedSentences() {
        boolean[] quoted = new boolean[sentenceCount()];
        String t = normalized.text();
        if (t.indexOf('>') < 0) {
            return quoted;
        }
        boolean ownLine = false;
        boolean any = false;
        for (int s = 0; s < quoted.length; s++) {
            int first = sentenceStart(s);
            if (first == sentenceEnd(s)) {
                continue;
            }
            int lineStart = t.lastIndexOf('\n', starts[first] - 1) + 1;
            int i = lineStart;
            while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
                i++;
            }
            quoted[s] = i < t.length() && t.charAt(i) == '>';
            any |= quoted[s];
            if (!quoted[s]) {
                for (int k = first; k < sentenceEnd(s) && !ownLine; k++) {
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
