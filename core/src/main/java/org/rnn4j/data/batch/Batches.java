package org.rnn4j.data.batch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.rnn4j.data.encode.Encoder;
import org.rnn4j.data.seq.Example;
import org.rnn4j.data.seq.LabelSet;
import org.rnn4j.rand.Rng;

/** Iterators of padded batches: one epoch over samples in memory, or a stream of examples read lazily. */
public final class Batches {
    private Batches() {
    }

    /** Encodes every example (an error names the first bad one's file and line). */
    public static List<Sample> encode(Stream<Example> examples, Encoder encoder, LabelSet labels, int maxLength) {
        List<Sample> out = new ArrayList<>();
        Iterator<Example> it = examples.iterator();
        while (it.hasNext()) {
            out.add(Sample.of(it.next(), encoder, labels, maxLength));
        }
        return out;
    }

    /** One epoch over {@code samples} as planned by {@link BatchPlan}; batches are padded when reached. */
    public static Iterator<Batch> epoch(List<Sample> samples, Encoder encoder, BatchOptions options, Rng rng) {
        int[] lengths = new int[samples.size()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = samples.get(i).length();
        }
        Iterator<int[]> plan = BatchPlan.plan(lengths, options, rng).iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return plan.hasNext();
            }

            @Override
            public Batch next() {
                return Collate.batch(samples, plan.next(), encoder);
            }
        };
    }

    /**
     * Batches of {@code batchSize} examples in input order, encoding each example only when its batch
     * is built, so a file larger than memory can be scored. {@code labels} null: unlabelled
     * batches; otherwise every example needs a known label. Indices count examples from 0.
     */
    public static Iterator<Batch> stream(Iterator<Example> examples, Encoder encoder, LabelSet labels, int batchSize,
            int maxLength) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batches: batch size must be >= 1, got " + batchSize);
        }
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return examples.hasNext();
            }

            @Override
            public Batch next() {
                if (!examples.hasNext()) {
                    throw new NoSuchElementException();
                }
                List<Sample> rows = new ArrayList<>(batchSize);
                while (rows.size() < batchSize && examples.hasNext()) {
                    rows.add(Sample.of(examples.next(), encoder, labels, maxLength));
                }
                int[] indices = new int[rows.size()];
                for (int i = 0; i < indices.length; i++) {
                    indices[i] = next++;
                }
                return Collate.batch(rows, indices, encoder.inputKind());
            }
        };
    }
}
