package dev.modpipe.classifier.model;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Rows of the shared index by a {@code long} key: an open-addressing table, so that the engine finds
 * a feature's row from a number, without a string to hash and compare. The keys are the packed
 * characters of the four-character features ({@link SurfaceFeatureGenerator#pack}: the surface view
 * has a feature per character of the post, never made into strings) and the 64-bit hashes of all
 * other features ({@link FeatureHash}). Filled once at load, then read-only and safe to share
 * between threads.
 */
final class FeatureRows {
    private long[] keys = new long[1024];
    private double[][] rows = new double[1024][];
    private int size;

    /** Sets the row of {@code key}, in place of any it had. Not thread-safe. */
    void put(long key, double[] row) {
        if (row == null) {
            throw new IllegalArgumentException("a row cannot be null");
        }
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int slot = find(keys, rows, key);
        if (rows[slot] == null) {
            keys[slot] = key;
            size++;
        }
        rows[slot] = row;
    }

    /** Replaces every row by {@code f} of it (never null). Not thread-safe. */
    void replaceAll(UnaryOperator<double[]> f) {
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] != null) {
                rows[i] = Objects.requireNonNull(f.apply(rows[i]));
            }
        }
    }

    /** The row of {@code key}, or null when no model knows the feature. */
    double[] get(long key) {
        return rows[find(keys, rows, key)];
    }

    int size() {
        return size;
    }

    private static int find(long[] keys, double[][] rows, long key) {
        int mask = keys.length - 1;
        int slot = FeatureHash.slot(key, mask);
        while (rows[slot] != null && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] newKeys = new long[keys.length * 2];
        double[][] newRows = new double[keys.length * 2][];
        for (int i = 0; i < keys.length; i++) {
            if (rows[i] != null) {
                int slot = find(newKeys, newRows, keys[i]);
                newKeys[slot] = keys[i];
                newRows[slot] = rows[i];
            }
        }
        keys = newKeys;
        rows = newRows;
    }
}
