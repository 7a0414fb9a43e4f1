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
}
