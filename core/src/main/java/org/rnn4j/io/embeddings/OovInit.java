package org.rnn4j.io.embeddings;

/** How rows for vocabulary words missing from the file (and {@code <unk>}, if missing) start. */
public sealed interface OovInit {

    /** All zeros. */
    record Zeros() implements OovInit {
    }

    /** N(0, std²) from a generator seeded with {@code seed}, rows filled in vocabulary id order. */
    record Normal(float std, long seed) implements OovInit {
        public Normal {
            if (!(std > 0) || Float.isInfinite(std)) {
                throw new IllegalArgumentException("oov init: std must be a positive finite number, got " + std);
            }
        }
    }

    static OovInit zeros() {
        return new Zeros();
    }

    /** N(0, 1), as {@code nn.Embedding} initialises its weight. */
    static OovInit normal(long seed) {
        return new Normal(1f, seed);
    }
}
