package org.rnn4j.data.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.rnn4j.rand.Rng;

/**
 * Which dataset rows form each batch of one epoch. Deterministic given the {@link Rng}'s state:
 * the same seed gives the same epochs; calling again with the same generator gives the next
 * epoch's (different) order.
 */
public final class BatchPlan {
    private BatchPlan() {
    }

    /** Row indices per batch for samples of the given {@code lengths}; every row appears once (unless dropped). */
    public static List<int[]> plan(int[] lengths, BatchOptions options, Rng rng) {
        int n = lengths.length;
        int b = options.batchSize();
        BatchOrder order = options.order();
        List<int[]> batches = new ArrayList<>();
        if (order instanceof BatchOrder.Bucketed bucketed) {
            Integer[] perm = boxed(rng.permutation(n));
            int pool = Math.multiplyExact(bucketed.poolBatches(), b);
            for (int from = 0; from < n; from += pool) {
                int to = Math.min(n, from + pool);
                // stable sort: equal lengths keep their shuffled order
                Arrays.sort(perm, from, to, Comparator.comparingInt((Integer i) -> lengths[i]).reversed());
                cut(perm, from, to, b, batches);
            }
            dropShort(batches, b, options.lastBatch());
            shuffle(batches, rng);
            return batches;
        }
        Integer[] rows = order instanceof BatchOrder.Shuffled ? boxed(rng.permutation(n)) : boxed(identity(n));
        cut(rows, 0, n, b, batches);
        dropShort(batches, b, options.lastBatch());
        return batches;
    }

    private static void cut(Integer[] rows, int from, int to, int b, List<int[]> out) {
        for (int s = from; s < to; s += b) {
            int e = Math.min(to, s + b);
            int[] batch = new int[e - s];
            for (int i = s; i < e; i++) {
                batch[i - s] = rows[i];
            }
            out.add(batch);
        }
    }

    private static void dropShort(List<int[]> batches, int b, BatchOptions.LastBatch last) {
        if (last == BatchOptions.LastBatch.DROP) {
            batches.removeIf(x -> x.length < b);
        }
    }

    private static void shuffle(List<int[]> batches, Rng rng) {
        int[] p = rng.permutation(batches.size());
        List<int[]> copy = new ArrayList<>(batches);
        for (int i = 0; i < p.length; i++) {
            batches.set(i, copy.get(p[i]));
        }
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static Integer[] boxed(int[] a) {
        Integer[] r = new Integer[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i];
        }
        return r;
    }
}
