package dev.modpipe.classifier.model;

/**
 * 64-bit FNV-1a hashes of features and terms over their UTF-16 units, and the slot a hash takes in
 * an open-addressing table. The lookup tables of the engine's hot path ({@link FeatureRows} for the
 * models' rows, {@link Neighbours}' terms) are keyed by these hashes, so a post's features are
 * found without making, hashing and comparing a string per feature. Each table refuses two of its
 * keys with one hash when it is built; a feature no model knows matches a known one's hash about
 * once in 10<sup>14</sup> lookups.
 */
final class FeatureHash {
    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private FeatureHash() {}

    /** The hash of {@code s}. */
    static long of(String s) {
        return continued(OFFSET_BASIS, s);
    }

    /**
     * The hash of a string that starts with what {@code h} hashed and goes on with {@code s}: for
     * {@code a + b}, {@code continued(of(a), b) == of(a + b)}.
     */
    static long continued(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * PRIME;
        }
        return h;
    }

    /** As {@link #continued(long, String)} for one more character. */
    static long continued(long h, char c) {
        return (h ^ c) * PRIME;
    }

    /** The first slot of {@code key} in a table of {@code mask + 1} slots (a power of two). */
    static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
