package org.rnn4j.data.encode;

import java.util.Objects;
import org.rnn4j.data.InputFormatException;
import org.rnn4j.data.SourceLocation;
import org.rnn4j.data.dna.AmbiguityPolicy;
import org.rnn4j.data.dna.Nucleotides;

/**
 * DNA as one-hot rows [L, 4] in the order A, C, G, T. Ids: 1..4 for A, C, G, T; 0 for the zero
 * vector (an ambiguity code under {@link AmbiguityPolicy#ZERO}, and padding). Case is ignored.
 * {@code decode(encode(s))} is {@code s} upper-cased with every ambiguity code written as {@code N}.
 */
public record DnaOneHot(AmbiguityPolicy policy) implements Encoder {
    /** Width of a one-hot row. */
    public static final int WIDTH = 4;

    public DnaOneHot {
        Objects.requireNonNull(policy, "policy");
    }

    @Override
    public int[] encode(String sequence, SourceLocation where) {
        if (sequence.isEmpty()) {
            throw new InputFormatException(where, "empty sequence");
        }
        int[] ids = new int[sequence.length()];
        for (int i = 0; i < ids.length; i++) {
            int code = Nucleotides.checkedCode(sequence, i, policy, where);
            ids[i] = code < 0 ? 0 : code + 1;
        }
        return ids;
    }

    @Override
    public String decode(int[] ids) {
        StringBuilder sb = new StringBuilder(ids.length);
        for (int id : ids) {
            if (id < 0 || id > WIDTH) {
                throw new IllegalArgumentException("dna one-hot decode: id must be in [0, 4], got " + id);
            }
            sb.append(id == 0 ? 'N' : Nucleotides.BASES.charAt(id - 1));
        }
        return sb.toString();
    }

    /** Writes the one-hot rows of {@code ids} into {@code out} [ids.length, 4] from {@code offset} (zeros stay zero). */
    public static void oneHot(int[] ids, float[] out, int offset) {
        for (int t = 0; t < ids.length; t++) {
            if (ids[t] > 0) {
                out[offset + t * WIDTH + ids[t] - 1] = 1f;
            }
        }
    }

    @Override
    public InputKind inputKind() {
        return InputKind.ONE_HOT;
    }

    @Override
    public int vocabularySize() {
        return WIDTH + 1;
    }

    @Override
    public int inputSize() {
        return WIDTH;
    }
}
