package dev.modpipe.classifier.engine;

/**
 * A passage of a long post ({@link FeatureExtractor#passages}): its tokens {@code [from, to)} of the
 * analysed text and the categorizers' input for them.
 *
 * @param from the first token
 * @param to the token after the last
 * @param document the categorizers' input tokens: the passage's words and the hits that start in it
 */
public record Passage(int from, int to, String[] document) {

    /** Whether token {@code token} is in this passage. */
    public boolean contains(int token) {
        return token >= from && token < to;
    }

    /** Whether tokens {@code [start, end)} share a token with this passage. */
    public boolean overlaps(int start, int end) {
        return start < to && end > from;
    }
}
