package dev.modpipe.classifier.model;

import dev.modpipe.model.Category;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The training posts a post is most like: a memory of the train split, as TF-IDF vectors of words
 * and word pairs, searched by cosine similarity. The linear categorizers weigh every word the same
 * way in every post, so a word that is common in one category's posts ("religion", "fee", "pills")
 * pulls every post that uses it towards that category; the nearest posts say what posts like
 * this one, taken whole, turned out to be. Their labels are three more inputs of each category's
 * {@link Stack}: the share of the {@link #K} nearest posts in the category (weighted by
 * similarity), the share that are hard negatives, and the category's share times the similarity
 * of the nearest post (a close match counts more than a distant one).
 *
 * <p>Terms in more than a twentieth ({@link #MAX_DOCUMENT_FREQUENCY}) of the memory's posts ("i",
 * "the", "feel", "want") are left out: they say little about which posts are alike, and their
 * postings would make every search walk much of the memory. Simulated on round 13's
 * cross-validation and the blind sets, a tenth and a twentieth gave the same figures, a
 * thirtieth worse ones; a twentieth walks about 40% fewer postings. Term weights are {@code (1 + ln tf) * idf} with {@code idf =
 * ln((1 + N) / (1 + df)) + 1}, each vector normalised to unit length over the kept terms.
 * Immutable and thread-safe; each thread searches with a scratch array of its own, cleared after
 * each search.
 */
public final class Neighbours {
    /** The file of the memory in the model directory. */
    public static final String FILE = "neighbours.bin";

    /** How many nearest posts vote. */
    public static final int K = 5;

    /** Terms found in a larger share of the posts are left out of the vectors. */
    static final double MAX_DOCUMENT_FREQUENCY = 0.05;

    private static final int FORMAT = 1;
    private static final byte NONE = -1;

    /** Per term id, the term (a word, or two words joined by {@code _}). */
    private final String[] names;
    /** Term ids by the terms' {@link FeatureHash}. */
    private final TermTable terms;

    private final float[] idf;
    private final int[][] postingPosts;
    private final float[][] postingWeights;
    /** Per post: the ordinal of its category, or {@link #NONE}. */
    private final byte[] labels;

    private final boolean[] hardNegative;

    /** Per thread, the similarity of every post to the post searched (all zero between searches). */
    private final ThreadLocal<Scratch> scratch;

    private static final class Scratch {
        final float[] similarity;
        /**
         * The posts whose similarity the search made non-zero; one slot more than the posts, as the
         * search writes a post past the end of the list before it knows whether to keep it.
         */
        final int[] touched;
        /** Per term id, how often the post searched has it (all zero between searches). */
        final int[] count;
        /** The ids of the post's known terms, in the order they first occur. */
        int[] order = new int[256];
        /** How many of {@link #order} the search counted so far. */
        int seen;

        Scratch(int posts, int terms) {
            similarity = new float[posts];
            touched = new int[posts + 1];
            count = new int[terms];
        }

        /** Counts one occurrence of term {@code id} (nothing when negative). */
        void count(int id) {
            if (id < 0) {
                return;
            }
            if (count[id] == 0) {
                if (seen == order.length) {
                    order = Arrays.copyOf(order, seen * 2);
                }
                order[seen++] = id;
            }
            count[id]++;
        }

        /** Sets every count back to zero for the next search. */
        void clearCounts() {
            for (int j = 0; j < seen; j++) {
                count[order[j]] = 0;
            }
            seen = 0;
        }
    }

    /**
     * Term ids by the terms' 64-bit hashes, open addressing: a search looks a post's words and word
     * pairs up by hash, without making a string of each pair or comparing strings.
     */
    private static final class TermTable {
        private final long[] keys;
        private final int[] ids;

        TermTable(String[] names) {
            int size = Integer.highestOneBit(Math.max(2, names.length) * 2) * 2;
            keys = new long[size];
            ids = new int[size];
            Arrays.fill(ids, -1);
            for (int id = 0; id < names.length; id++) {
                long key = FeatureHash.of(names[id]);
                int slot = find(key);
                if (ids[slot] >= 0) {
                    throw new IllegalStateException(
                            "terms '" + names[ids[slot]] + "' and '" + names[id] + "' share the hash " + key);
                }
                keys[slot] = key;
                ids[slot] = id;
            }
        }

        /** The id of the term of hash {@code key}, or -1 when the memory does not know it. */
        int id(long key) {
            return ids[find(key)];
        }

        private int find(long key) {
            int mask = keys.length - 1;
            int slot = FeatureHash.slot(key, mask);
            while (ids[slot] >= 0 && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }
    }

    private Neighbours(
            String[] names,
            float[] idf,
            int[][] postingPosts,
            float[][] postingWeights,
            byte[] labels,
            boolean[] hardNegative) {
        this.names = names;
        this.terms = new TermTable(names);
        this.idf = idf;
        this.postingPosts = postingPosts;
        this.postingWeights = postingWeights;
        this.labels = labels;
        this.hardNegative = hardNegative;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(labels.length, names.length));
    }

    /**
     * What the nearest posts were.
     *
     * @param shares per category ordinal, the similarity-weighted share of the nearest posts in it
     * @param hardNegatives the similarity-weighted share of the nearest posts that are hard negatives
     * @param nearest the cosine similarity of the nearest post (0 when no post shares a term)
     */
    public record Neighbourhood(double[] shares, double hardNegatives, double nearest) {
        public static final Neighbourhood NOTHING_NEAR =
                new Neighbourhood(new double[Category.values().length], 0.0, 0.0);

        public double share(Category c) {
            return shares[c.ordinal()];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Neighbourhood n
                    && Arrays.equals(shares, n.shares)
                    && hardNegatives == n.hardNegatives
                    && nearest == n.nearest;
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(shares) + Double.hashCode(hardNegatives) * 7 + Double.hashCode(nearest);
        }

        @Override
        public String toString() {
            return "Neighbourhood" + Arrays.toString(shares) + " hn=" + hardNegatives + " nearest=" + nearest;
        }
    }

    /**
     * A memory of the posts whose index {@code include} accepts.
     *
     * @param documents every post's document (the engine's normalised tokens; cue tokens, which
     *     start with {@code #}, are skipped)
     * @param labels per post, its category, or null for NONE
     * @param hardNegative per post, whether it is a hard negative
     */
    public static Neighbours build(
            List<String[]> documents, Category[] labels, boolean[] hardNegative, IntPredicate include) {
        List<Map<String, Integer>> counts = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        for (int i = 0; i < documents.size(); i++) {
            if (!include.test(i)) {
                continue;
            }
            Map<String, Integer> c = termCounts(documents.get(i));
            counts.add(c);
            kept.add(i);
            for (String t : c.keySet()) {
                df.merge(t, 1, Integer::sum);
            }
        }
        int n = kept.size();
        int maxDf = (int) Math.floor(MAX_DOCUMENT_FREQUENCY * n);
        Map<String, Integer> ids = new HashMap<>();
        List<String> names = new ArrayList<>(df.keySet());
        names.sort(null);
        List<String> keptNames = new ArrayList<>();
        List<Float> idfs = new ArrayList<>();
        for (String t : names) {
            int d = df.get(t);
            if (d <= maxDf) {
                ids.put(t, ids.size());
                keptNames.add(t);
                idfs.add((float) idf(n, d));
            }
        }
        float[] idf = new float[ids.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = idfs.get(i);
        }
        int[] postingSize = new int[idf.length];
        List<int[]> postTerms = new ArrayList<>(n);
        List<float[]> postWeights = new ArrayList<>(n);
        for (Map<String, Integer> c : counts) {
            Vector v = vector(c, ids, idf);
            postTerms.add(v.terms);
            postWeights.add(v.weights);
            for (int t : v.terms) {
                postingSize[t]++;
            }
        }
        int[][] postingPosts = new int[idf.length][];
        float[][] postingWeights = new float[idf.length][];
        for (int t = 0; t < idf.length; t++) {
            postingPosts[t] = new int[postingSize[t]];
            postingWeights[t] = new float[postingSize[t]];
        }
        int[] fill = new int[idf.length];
        for (int p = 0; p < n; p++) {
            int[] ts = postTerms.get(p);
            float[] ws = postWeights.get(p);
            for (int j = 0; j < ts.length; j++) {
                int t = ts[j];
                postingPosts[t][fill[t]] = p;
                postingWeights[t][fill[t]] = ws[j];
                fill[t]++;
            }
        }
        byte[] label = new byte[n];
        boolean[] hn = new boolean[n];
        for (int p = 0; p < n; p++) {
            Category c = labels[kept.get(p)];
            label[p] = c == null ? NONE : (byte) c.ordinal();
            hn[p] = hardNegative[kept.get(p)];
        }
        return new Neighbours(keptNames.toArray(String[]::new), idf, postingPosts, postingWeights, label, hn);
    }

    /** How many posts the memory holds. */
    public int size() {
        return labels.length;
    }

    /** What the {@link #K} posts of the memory most like {@code document} were. */
    public Neighbourhood near(String[] document) {
        Scratch scratch = this.scratch.get();
        int[] queryTerms;
        int[] queryCounts;
        // the scratch is cleared however the search ends: a search that failed half way (a bad
        // token) must not leave counts or similarities behind for the thread's next post
        try {
            // the terms of termCounts, as hashes: a pair's hash continues its first word's
            long previous = 0;
            boolean first = true;
            for (String token : document) {
                if (token.startsWith("#")) {
                    continue;
                }
                long word = FeatureHash.of(token);
                scratch.count(terms.id(word));
                if (!first) {
                    scratch.count(terms.id(FeatureHash.continued(FeatureHash.continued(previous, '_'), token)));
                }
                previous = word;
                first = false;
            }
            queryTerms = Arrays.copyOf(scratch.order, scratch.seen);
            queryCounts = new int[queryTerms.length];
            for (int j = 0; j < queryTerms.length; j++) {
                queryCounts[j] = scratch.count[queryTerms[j]];
            }
        } finally {
            scratch.clearCounts();
        }
        if (queryTerms.length == 0) {
            return Neighbourhood.NOTHING_NEAR;
        }
        try {
            return search(scratch, queryTerms, unit(queryTerms, queryCounts, queryTerms.length, idf));
        } catch (Throwable failed) {
            // search clears the similarities itself only when it completes
            Arrays.fill(scratch.similarity, 0f);
            throw failed;
        }
    }

    /** The postings walk and the vote of the nearest posts; leaves the similarities cleared. */
    private Neighbourhood search(Scratch scratch, int[] queryTerms, float[] queryWeights) {
        int seen = queryTerms.length;
        float[] similarity = scratch.similarity;
        int[] touched = scratch.touched;
        int touchedCount = 0;
        for (int j = 0; j < seen; j++) {
            int t = queryTerms[j];
            float w = queryWeights[j];
            int[] posts = postingPosts[t];
            float[] weights = postingWeights[t];
            for (int k = 0; k < posts.length; k++) {
                int p = posts[k];
                float before = similarity[p];
                // without a branch: the post is written at the end of the list every time, and
                // kept (the count moves on) only the first time (weights are positive, so a
                // similarity is zero until a first shared term)
                touched[touchedCount] = p;
                touchedCount += before == 0f ? 1 : 0;
                similarity[p] = before + w * weights[k];
            }
        }
        // the K most similar of the posts touched, ties to the earlier post
        int[] best = new int[K];
        int found = 0;
        for (int i = 0; i < touchedCount; i++) {
            int p = touched[i];
            if (found == K && !before(p, best[K - 1], similarity)) {
                continue;
            }
            int at = found;
            while (at > 0 && before(p, best[at - 1], similarity)) {
                at--;
            }
            System.arraycopy(best, at, best, at + 1, Math.min(found, K - 1) - at);
            best[at] = p;
            found = Math.min(found + 1, K);
        }
        double total = 0.0;
        double[] shares = new double[Category.values().length];
        double hn = 0.0;
        for (int i = 0; i < found; i++) {
            int p = best[i];
            double s = similarity[p];
            total += s;
            if (labels[p] != NONE) {
                shares[labels[p]] += s;
            }
            if (hardNegative[p]) {
                hn += s;
            }
        }
        double nearest = found == 0 ? 0.0 : similarity[best[0]];
        for (int i = 0; i < touchedCount; i++) {
            similarity[touched[i]] = 0f;
        }
        if (total <= 0.0) {
            return Neighbourhood.NOTHING_NEAR;
        }
        for (int c = 0; c < shares.length; c++) {
            shares[c] /= total;
        }
        return new Neighbourhood(shares, hn / total, nearest);
    }

    private static boolean before(int a, int b, float[] similarity) {
        return similarity[a] > similarity[b] || similarity[a] == similarity[b] && a < b;
    }

    /** The words of a document (cue tokens left out) and its pairs of consecutive words. */
    static Map<String, Integer> termCounts(String[] document) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        String previous = null;
        for (String token : document) {
            if (token.startsWith("#")) {
                continue;
            }
            counts.merge(token, 1, Integer::sum);
            if (previous != null) {
                counts.merge(previous + "_" + token, 1, Integer::sum);
            }
            previous = token;
        }
        return counts;
    }

    static double idf(int posts, int documentFrequency) {
        return Math.log((1.0 + posts) / (1.0 + documentFrequency)) + 1.0;
    }

    private record Vector(int[] terms, float[] weights) {}

    /** The unit TF-IDF vector of the counted terms the memory knows, in the order they were counted. */
    private static Vector vector(Map<String, Integer> counts, Map<String, Integer> ids, float[] idf) {
        int[] ts = new int[counts.size()];
        int[] cs = new int[counts.size()];
        int n = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Integer id = ids.get(e.getKey());
            if (id != null) {
                ts[n] = id;
                cs[n] = e.getValue();
                n++;
            }
        }
        return new Vector(Arrays.copyOf(ts, n), unit(ts, cs, n, idf));
    }

    /** The unit vector of weights {@code (1 + ln count) * idf} of the first {@code n} terms. */
    private static float[] unit(int[] ts, int[] counts, int n, float[] idf) {
        double[] ws = new double[n];
        for (int i = 0; i < n; i++) {
            ws[i] = (1.0 + Math.log(counts[i])) * idf[ts[i]];
        }
        double norm = 0.0;
        for (int i = 0; i < n; i++) {
            norm += ws[i] * ws[i];
        }
        norm = Math.sqrt(norm);
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            weights[i] = (float) (ws[i] / norm);
        }
        return weights;
    }

    /** Writes the memory (terms, idf, postings, labels). */
    public void write(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(FORMAT);
        d.writeInt(labels.length);
        d.write(labels);
        for (boolean b : hardNegative) {
            d.writeBoolean(b);
        }
        d.writeInt(names.length);
        for (int t = 0; t < names.length; t++) {
            d.writeUTF(names[t]);
            d.writeFloat(idf[t]);
            d.writeInt(postingPosts[t].length);
            for (int k = 0; k < postingPosts[t].length; k++) {
                d.writeInt(postingPosts[t][k]);
                d.writeFloat(postingWeights[t][k]);
            }
        }
        d.flush();
    }

    /** Reads a memory written by {@link #write}. */
    public static Neighbours read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        int format = d.readInt();
        if (format != FORMAT) {
            throw new IOException("unknown neighbours format " + format);
        }
        int n = d.readInt();
        byte[] labels = new byte[n];
        d.readFully(labels);
        boolean[] hn = new boolean[n];
        for (int i = 0; i < n; i++) {
            hn[i] = d.readBoolean();
        }
        int count = d.readInt();
        String[] names = new String[count];
        float[] idf = new float[count];
        int[][] postingPosts = new int[count][];
        float[][] postingWeights = new float[count][];
        for (int t = 0; t < count; t++) {
            names[t] = d.readUTF();
            idf[t] = d.readFloat();
            int size = d.readInt();
            postingPosts[t] = new int[size];
            postingWeights[t] = new float[size];
            for (int k = 0; k < size; k++) {
                postingPosts[t][k] = d.readInt();
                postingWeights[t][k] = d.readFloat();
            }
        }
        return new Neighbours(names, idf, postingPosts, postingWeights, labels, hn);
    }
}
