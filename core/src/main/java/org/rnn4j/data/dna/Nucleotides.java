package org.rnn4j.data.dna;

import org.rnn4j.data.InputFormatException;
import org.rnn4j.data.SourceLocation;

/**
 * The DNA alphabet: bases {@code A C G T} (codes 0..3 in that order) and the IUPAC ambiguity codes
 * {@code N R Y S W K M B D H V}; case is ignored (soft-masked lower case is common in FASTA).
 * {@code U}, gaps ({@code -}, {@code .}) and anything else are not DNA.
 */
public final class Nucleotides {
    /** The bases in code order. */
    public static final String BASES = "ACGT";
    /** N and the other IUPAC ambiguity codes. */
    public static final String AMBIGUOUS = "NRYSWKMBDHV";
    /** Marks an ambiguity code in {@link #code}. */
    public static final int AMBIGUOUS_CODE = -1;
    /** Marks a character that is not DNA in {@link #code}. */
    public static final int NOT_DNA = -2;

    private static final byte[] CODES = new byte[128];

    static {
        java.util.Arrays.fill(CODES, (byte) NOT_DNA);
        for (int i = 0; i < BASES.length(); i++) {
            CODES[BASES.charAt(i)] = (byte) i;
            CODES[Character.toLowerCase(BASES.charAt(i))] = (byte) i;
        }
        for (char c : AMBIGUOUS.toCharArray()) {
            CODES[c] = AMBIGUOUS_CODE;
            CODES[Character.toLowerCase(c)] = AMBIGUOUS_CODE;
        }
    }

    private Nucleotides() {
    }

    /** 0..3 for A, C, G, T (any case), {@link #AMBIGUOUS_CODE} or {@link #NOT_DNA}. */
    public static int code(char c) {
        return c < 128 ? CODES[c] : NOT_DNA;
    }

    /**
     * The base code of {@code seq.charAt(i)}, or {@link #AMBIGUOUS_CODE} for an ambiguity code under
     * {@link AmbiguityPolicy#ZERO}; an error naming {@code where} and the 1-based position otherwise.
     */
    public static int checkedCode(String seq, int i, AmbiguityPolicy policy, SourceLocation where) {
        char c = seq.charAt(i);
        int code = code(c);
        if (code == NOT_DNA) {
            throw new InputFormatException(where, "unknown character " + describe(seq, i) + " at position " + (i + 1)
                    + " (DNA accepts A, C, G, T and the IUPAC codes " + spaced(AMBIGUOUS) + ")");
        }
        if (code == AMBIGUOUS_CODE && policy == AmbiguityPolicy.ERROR) {
            throw new InputFormatException(where, "ambiguous base '" + c + "' at position " + (i + 1)
                    + " (policy ERROR accepts only A, C, G, T; use policy ZERO to encode it as zeros)");
        }
        return code;
    }

    private static String describe(String s, int i) {
        int cp = s.codePointAt(i);
        return Character.isISOControl(cp) || Character.isWhitespace(cp)
                ? String.format("U+%04X", cp) : "'" + Character.toString(cp) + "'";
    }

    private static String spaced(String s) {
        return String.join(" ", s.split(""));
    }
}
