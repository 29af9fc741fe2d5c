package org.rnn4j.train;

import org.rnn4j.rand.Rng;

/**
 * How the members of a seeded ensemble get their generators from one seed: the same seed gives the
 * same members, and each member's own seed or generator can be named in a report.
 */
public sealed interface Seeds {

    /** The generator of member {@code member} (0-based); a fresh one on every call. */
    Rng rng(int member);

    /** Member i uses {@code seed + i} (the classifier's seeds 42, 43, …). */
    record Consecutive(long seed) implements Seeds {
        /** Member i's seed. */
        public long seed(int member) {
            return seed + member;
        }

        @Override
        public Rng rng(int member) {
            return new Rng(seed(member));
        }
    }

    /**
     * Member i uses the (i+1)-th {@link Rng#split()} of {@code new Rng(seed)} (the forecaster: members
     * 0..K-1 train, members K..2K-1 are their refits).
     */
    record Splits(long seed) implements Seeds {
        @Override
        public Rng rng(int member) {
            if (member < 0) {
                throw new IllegalArgumentException("seeds: member must be >= 0, got " + member);
            }
            Rng root = new Rng(seed);
            Rng r = root.split();
            for (int i = 0; i < member; i++) {
                r = root.split();
            }
            return r;
        }
    }
}
