package org.rnn4j.data.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rnn4j.data.InputFormatException;
import org.rnn4j.data.SourceLocation;
import org.rnn4j.data.dna.AmbiguityPolicy;
import org.rnn4j.data.encode.DnaOneHot;
import org.rnn4j.data.encode.Kmer;
import org.rnn4j.data.seq.Example;
import org.rnn4j.data.seq.LabelSet;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;

class BatchingTest {
    private static final LabelSet LABELS = LabelSet.of(List.of("ei", "ie", "n"));

    private static Example ex(String id, String label, String seq) {
        return new Example(id, label, seq, new SourceLocation("t.tsv", Integer.parseInt(id) + 1));
    }

    @Test
    void oneHotPaddingWithLengthsInBatchOrder() {
        DnaOneHot enc = new DnaOneHot(AmbiguityPolicy.ZERO);
        List<Sample> s = Batches.encode(Stream.of(ex("1", "n", "AC"), ex("2", "ei", "GTNA"), ex("3", "ie", "T")), enc, LABELS, 100);
        Batch b = Collate.batch(s, new int[] {2, 0, 1}, enc);
        assertArrayEquals(new int[] {1, 2, 4}, b.lengths()); // not sorted: batch order
        assertEquals(List.of("3", "1", "2"), b.ids());
        assertArrayEquals(new int[] {1, 2, 0}, b.labels().data());
        assertArrayEquals(new int[] {2, 0, 1}, b.indices());
        BatchInput.OneHot x = assertInstanceOf(BatchInput.OneHot.class, b.input());
        assertEquals(Shape.of(3, 4, 4), x.x().shape());
        float[] expected = {
            0, 0, 0, 1, /* pad */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // T
            1, 0, 0, 0, 0, 1, 0, 0, /* pad */ 0, 0, 0, 0, 0, 0, 0, 0, // AC
            0, 0, 1, 0, 0, 0, 0, 1, /* N */ 0, 0, 0, 0, 1, 0, 0, 0 // GTNA
        };
        assertArrayEquals(expected, x.x().data());
    }

    @Test
    void tokenPaddingTruncationAndMissingLabels() {
        Kmer enc = new Kmer(2, 1, AmbiguityPolicy.ZERO);
        List<Sample> s = Batches.encode(Stream.of(ex("1", null, "ACGTA"), ex("2", null, "TT")), enc, null, 3);
        Batch b = Collate.batch(s, new int[] {0, 1}, enc);
        BatchInput.TokenIds ids = assertInstanceOf(BatchInput.TokenIds.class, b.input());
        // AC=1→3, CG=6→8, GT=11→13 (truncated to 3 k-mers); TT=15→17
        assertArrayEquals(new int[] {3, 8, 13, 17, 0, 0}, ids.ids().data());
        assertEquals(Shape.of(2, 3), ids.ids().shape());
        assertArrayEquals(new int[] {3, 1}, b.lengths());
        assertNull(b.labels());
        // a label the label set does not know: the example's file and line
        InputFormatException e = assertThrows(InputFormatException.class,
                () -> Batches.encode(Stream.of(ex("4", "xx", "ACGT")), enc, LABELS, 10));
        assertEquals("t.tsv:5: unknown label 'xx' for example '4' (known labels: ei, ie, n)", e.getMessage());
        // labelled and unlabelled rows cannot share a batch
        List<Sample> mixed = List.of(new Sample("a", new int[] {2}, 0, SourceLocation.unknown()),
                new Sample("b", new int[] {2}, Sample.NO_LABEL, new SourceLocation("u.fa", 3)));
        assertTrue(assertThrows(InputFormatException.class, () -> Collate.batch(mixed, new int[] {0, 1}, enc))
                .getMessage().startsWith("u.fa:3: example 'b' has no label"));
    }

    private static int[] lengths(int n, long seed) {
        Rng r = new Rng(seed);
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = 1 + r.nextInt(100);
        }
        return l;
    }

    private static int[] flatten(List<int[]> batches) {
        return batches.stream().flatMapToInt(Arrays::stream).toArray();
    }

    @Test
    void sequentialAndShuffledCoverEveryRowOnceAndAreSeeded() {
        int[] lengths = lengths(103, 1);
        List<int[]> seq = BatchPlan.plan(lengths, BatchOptions.inference(10), new Rng(0));
        assertEquals(11, seq.size());
        assertEquals(3, seq.get(10).length);
        int[] all = flatten(seq);
        for (int i = 0; i < all.length; i++) {
            assertEquals(i, all[i]);
        }
        List<int[]> a = BatchPlan.plan(lengths, BatchOptions.training(10), new Rng(42));
        List<int[]> b = BatchPlan.plan(lengths, BatchOptions.training(10), new Rng(42));
        assertArrayEquals(flatten(a), flatten(b));
        int[] sorted = flatten(a).clone();
        Arrays.sort(sorted);
        assertArrayEquals(all, sorted);
        assertNotEquals(Arrays.toString(all), Arrays.toString(flatten(a)));
        // the next epoch from the same generator is a different order
        Rng rng = new Rng(42);
        int[] epoch1 = flatten(BatchPlan.plan(lengths, BatchOptions.training(10), rng));
        int[] epoch2 = flatten(BatchPlan.plan(lengths, BatchOptions.training(10), rng));
        assertArrayEquals(flatten(a), epoch1);
        assertNotEquals(Arrays.toString(epoch1), Arrays.toString(epoch2));
        List<int[]> dropped = BatchPlan.plan(lengths, BatchOptions.training(10).withLastBatch(BatchOptions.LastBatch.DROP), new Rng(42));
        assertEquals(10, dropped.size());
        assertTrue(dropped.stream().allMatch(x -> x.length == 10));
    }

    @Test
    void bucketingGroupsSimilarLengthsDeterministically() {
        int[] lengths = lengths(500, 2);
        BatchOptions bucketed = BatchOptions.training(16).withOrder(new BatchOrder.Bucketed(8));
        List<int[]> a = BatchPlan.plan(lengths, bucketed, new Rng(9));
        assertArrayEquals(flatten(a), flatten(BatchPlan.plan(lengths, bucketed, new Rng(9))));
        int[] sorted = flatten(a).clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            assertEquals(i, sorted[i]);
        }
        for (int[] batch : a) {
            for (int i = 1; i < batch.length; i++) {
                assertTrue(lengths[batch[i - 1]] >= lengths[batch[i]], "rows of a bucketed batch come longest first");
            }
        }
        assertEquals(1, a.stream().filter(x -> x.length < 16).count()); // 500 = 31·16 + 4
        assertTrue(padding(a, lengths) * 3 < padding(BatchPlan.plan(lengths, BatchOptions.training(16), new Rng(9)), lengths),
                "bucketing should cut padding well below a plain shuffle");
    }

    private static long padding(List<int[]> batches, int[] lengths) {
        long pad = 0;
        for (int[] b : batches) {
            int t = Arrays.stream(b).map(i -> lengths[i]).max().orElse(0);
            for (int i : b) {
                pad += t - lengths[i];
            }
        }
        return pad;
    }

    @Test
    void epochIteratorAndStreamingScoring() {
        DnaOneHot enc = new DnaOneHot(AmbiguityPolicy.ZERO);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            samples.add(new Sample("s" + i, new int[1 + i % 7], i % 3, SourceLocation.unknown()));
        }
        Iterator<Batch> epoch = Batches.epoch(samples, enc, BatchOptions.training(8), new Rng(5));
        int rows = 0;
        int count = 0;
        while (epoch.hasNext()) {
            Batch b = epoch.next();
            rows += b.size();
            count++;
            for (int r = 0; r < b.size(); r++) {
                assertEquals(samples.get(b.indices()[r]).length(), b.lengths()[r]);
            }
        }
        assertEquals(25, rows);
        assertEquals(4, count);

        // an endless source: batches are built only when asked for
        Iterator<Example> endless = new Iterator<>() {
            private int n;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Example next() {
                n++;
                return new Example("r" + n, null, "ACGT".substring(0, 1 + n % 4), new SourceLocation("huge.fa", n));
            }
        };
        Iterator<Batch> scored = Batches.stream(endless, enc, null, 4, 1000);
        scored.next();
        Batch second = scored.next();
        assertArrayEquals(new int[] {4, 5, 6, 7}, second.indices());
        assertEquals(List.of("r5", "r6", "r7", "r8"), second.ids());
        assertArrayEquals(new int[] {2, 3, 4, 1}, second.lengths());
    }
}
