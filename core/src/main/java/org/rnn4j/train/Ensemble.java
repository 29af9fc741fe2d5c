package org.rnn4j.train;

import java.util.ArrayList;
import java.util.List;

/** A seeded ensemble: K members trained one after another, member i from {@code seeds.rng(i)} or its seed. */
public final class Ensemble {
    private Ensemble() {
    }

    /** Member {@code index} of {@code count}, with the ensemble's {@code seeds}. */
    public record Member(int index, int count, Seeds seeds) {
        public Member {
            if (count < 1 || index < 0 || index >= count || seeds == null) {
                throw new IllegalArgumentException("ensemble member: index " + index + " of " + count);
            }
        }

        /** A single model: member 0 of 1. */
        public static Member single(Seeds seeds) {
            return new Member(0, 1, seeds);
        }
    }

    /** Trains one member. */
    @FunctionalInterface
    public interface MemberTraining<M> {
        M train(Member member);
    }

    /** Trains {@code count} members in order and returns them in that order. */
    public static <M> List<M> train(int count, Seeds seeds, MemberTraining<M> training) {
        if (count < 1) {
            throw new IllegalArgumentException("ensemble: needs at least one member, got " + count);
        }
        List<M> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(training.train(new Member(i, count, seeds)));
        }
        return out;
    }
}
