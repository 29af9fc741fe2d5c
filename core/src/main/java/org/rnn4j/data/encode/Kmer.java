package org.rnn4j.data.encode;

import java.util.Objects;
import org.rnn4j.data.InputFormatException;
import org.rnn4j.data.SourceLocation;
import org.rnn4j.data.dna.AmbiguityPolicy;
import org.rnn4j.data.dna.Nucleotides;
import org.rnn4j.data.text.Vocabulary;

/**
 * DNA as overlapping (or strided) k-mers: windows of {@code k} bases starting every {@code stride}
 * bases, {@code (L - k) / stride + 1} of them; bases after the last whole window are dropped.
 * The vocabulary is fixed: {@code <pad>} = 0, {@code <unk>} = 1, then all 4^k k-mers in
 * lexicographic order (A &lt; C &lt; G &lt; T), so {@code AA…A} = 2 and {@code TT…T} = 4^k + 1.
 * A k-mer with an ambiguity code is {@code <unk>} under {@link AmbiguityPolicy#ZERO}.
 *
 * <p>{@code decode} rebuilds the covered bases: exact when {@code stride <= k}, the sequence is
 * unambiguous and {@code (L - k) % stride == 0}; {@code <unk>} k-mers and gaps (stride &gt; k)
 * come back as {@code N}.
 */
public record Kmer(int k, int stride, AmbiguityPolicy policy) implements Encoder {
    /** 4^15 + 2 ids still fit an int; an embedding that large is rarely wise. */
    public static final int MAX_K = 15;

    public Kmer {
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("kmer: k must be in [1, " + MAX_K + "], got " + k);
        }
        if (stride < 1) {
            throw new IllegalArgumentException("kmer: stride must be >= 1, got " + stride);
        }
        Objects.requireNonNull(policy, "policy");
    }

    @Override
    public int[] encode(String sequence, SourceLocation where) {
        int len = sequence.length();
        if (len == 0) {
            throw new InputFormatException(where, "empty sequence");
        }
        if (len < k) {
            throw new InputFormatException(where, "sequence of length " + len + " is shorter than k = " + k);
        }
        int[] codes = new int[len];
        for (int i = 0; i < len; i++) {
            codes[i] = Nucleotides.checkedCode(sequence, i, policy, where);
        }
        int[] ids = new int[(len - k) / stride + 1];
        for (int w = 0; w < ids.length; w++) {
            int index = 0;
            boolean ambiguous = false;
            for (int j = w * stride; j < w * stride + k; j++) {
                ambiguous |= codes[j] < 0;
                index = index * 4 + Math.max(codes[j], 0);
            }
            ids[w] = ambiguous ? Vocabulary.UNK_ID : index + Vocabulary.SPECIALS.size();
        }
        return ids;
    }

    @Override
    public String decode(int[] ids) {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (int id : ids) {
            if (id == Vocabulary.PAD_ID) {
                continue;
            }
            String kmer = kmer(id);
            if (first) {
                sb.append(kmer);
                first = false;
            } else if (stride <= k) {
                sb.append(kmer, k - stride, k);
            } else {
                sb.append("N".repeat(stride - k)).append(kmer);
            }
        }
        return sb.toString();
    }

    /** The k-mer of {@code id}: {@code N…N} for {@code <unk>}. */
    public String kmer(int id) {
        if (id < Vocabulary.UNK_ID || id >= vocabularySize()) {
            throw new IllegalArgumentException("kmer: id must be in [1, " + vocabularySize() + "), got " + id);
        }
        if (id == Vocabulary.UNK_ID) {
            return "N".repeat(k);
        }
        int index = id - Vocabulary.SPECIALS.size();
        char[] c = new char[k];
        for (int j = k - 1; j >= 0; j--) {
            c[j] = Nucleotides.BASES.charAt(index & 3);
            index >>>= 2;
        }
        return new String(c);
    }

    @Override
    public InputKind inputKind() {
        return InputKind.TOKEN_IDS;
    }

    /** 4^k + 2. */
    @Override
    public int vocabularySize() {
        return (1 << (2 * k)) + Vocabulary.SPECIALS.size();
    }

    @Override
    public int inputSize() {
        return vocabularySize();
    }
}
