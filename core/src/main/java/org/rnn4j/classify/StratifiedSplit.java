package org.rnn4j.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rnn4j.rand.Rng;

/**
 * A seeded, stratified hold-out: each class keeps its share in both parts. Class c with n_c
 * examples gives {@code round(n_c · fraction)} to validation, but at least one and at most
 * n_c − 1 when n_c ≥ 2 (a class of one example stays in training). Indices come back sorted.
 */
public record StratifiedSplit(int[] train, int[] validation) {

    public StratifiedSplit {
        train = train.clone();
        validation = validation.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] validation() {
        return validation.clone();
    }

    /** Splits rows 0..labels.length-1 whose classes are {@code labels} (each in [0, classes)). */
    public static StratifiedSplit of(int[] labels, int classes, double fraction, Rng rng) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("stratified split: fraction must be in (0, 1), got " + fraction);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("stratified split: label of row " + i + " must be in [0, " + classes
                        + "), got " + labels[i]);
            }
            byClass.get(labels[i]).add(i);
        }
        int[] val = new int[labels.length];
        int[] tr = new int[labels.length];
        int nv = 0;
        int nt = 0;
        for (List<Integer> rows : byClass) {
            int n = rows.size();
            int k = n < 2 ? 0 : (int) Math.min(n - 1, Math.max(1, Math.round(n * fraction)));
            int[] perm = rng.permutation(n);
            for (int j = 0; j < n; j++) {
                int row = rows.get(perm[j]);
                if (j < k) {
                    val[nv++] = row;
                } else {
                    tr[nt++] = row;
                }
            }
        }
        int[] t = Arrays.copyOf(tr, nt);
        int[] v = Arrays.copyOf(val, nv);
        Arrays.sort(t);
        Arrays.sort(v);
        return new StratifiedSplit(t, v);
    }
}
