package org.rnn4j.data.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rnn4j.data.InputFormatException;
import org.rnn4j.data.SourceLocation;
import org.rnn4j.data.dna.AmbiguityPolicy;
import org.rnn4j.rand.Rng;

class DnaEncodersTest {
    private static final SourceLocation AT = new SourceLocation("reads.fa", 42);

    @Test
    void oneHotIdsRowsAndRoundTrip() {
        DnaOneHot enc = new DnaOneHot(AmbiguityPolicy.ZERO);
        int[] ids = enc.encode("ACgtNR", AT);
        assertArrayEquals(new int[] {1, 2, 3, 4, 0, 0}, ids);
        assertEquals("ACGTNN", enc.decode(ids));
        float[] rows = new float[6 * 4];
        DnaOneHot.oneHot(ids, rows, 0);
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}, rows);
        assertEquals(4, enc.inputSize());
        assertEquals(InputKind.ONE_HOT, enc.inputKind());
        // random unambiguous sequences round-trip exactly
        Rng rng = new Rng(7);
        for (int n = 0; n < 50; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0, len = 1 + rng.nextInt(40); i < len; i++) {
                sb.append("ACGT".charAt(rng.nextInt(4)));
            }
            assertEquals(sb.toString(), enc.decode(enc.encode(sb.toString(), AT)));
        }
    }

    @Test
    void policiesAndBadCharactersNameFileLineAndPosition() {
        InputFormatException strict = assertThrows(InputFormatException.class,
                () -> new DnaOneHot(AmbiguityPolicy.ERROR).encode("ACGTN", AT));
        assertEquals("reads.fa:42: ambiguous base 'N' at position 5 (policy ERROR accepts only A, C, G, T;"
                + " use policy ZERO to encode it as zeros)", strict.getMessage());
        for (AmbiguityPolicy p : AmbiguityPolicy.values()) {
            InputFormatException bad = assertThrows(InputFormatException.class, () -> new DnaOneHot(p).encode("ACXG", AT));
            assertEquals("reads.fa:42: unknown character 'X' at position 3 (DNA accepts A, C, G, T and the IUPAC codes"
                    + " N R Y S W K M B D H V)", bad.getMessage());
        }
        assertEquals("unknown character U+0020 at position 2 (DNA accepts A, C, G, T and the IUPAC codes N R Y S W K M B D H V)",
                assertThrows(InputFormatException.class, () -> new DnaOneHot(AmbiguityPolicy.ZERO).encode("A C", AT)).problem());
        assertEquals("reads.fa:42: empty sequence",
                assertThrows(InputFormatException.class, () -> new DnaOneHot(AmbiguityPolicy.ZERO).encode("", AT)).getMessage());
    }

    @Test
    void kmerVocabularyIsAllFourToTheKPlusSpecials() {
        for (int k = 1; k <= 6; k++) {
            Kmer enc = new Kmer(k, 1, AmbiguityPolicy.ZERO);
            int expected = (int) Math.pow(4, k) + 2;
            assertEquals(expected, enc.vocabularySize());
            Set<String> kmers = new HashSet<>();
            for (int id = 2; id < expected; id++) {
                String s = enc.kmer(id);
                assertEquals(k, s.length());
                kmers.add(s);
                assertArrayEquals(new int[] {id}, enc.encode(s, AT)); // kmer(id) and encode are inverse
            }
            assertEquals(expected - 2, kmers.size());
            assertEquals("A".repeat(k), enc.kmer(2));
            assertEquals("T".repeat(k), enc.kmer(expected - 1));
        }
        assertEquals((1 << 30) + 2, new Kmer(15, 1, AmbiguityPolicy.ZERO).vocabularySize());
        assertThrows(IllegalArgumentException.class, () -> new Kmer(16, 1, AmbiguityPolicy.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new Kmer(3, 0, AmbiguityPolicy.ZERO));
    }

    @Test
    void kmerWindowsStridesAndRoundTrips() {
        Kmer k3 = new Kmer(3, 1, AmbiguityPolicy.ZERO);
        // ACG = 0·16+1·4+2 = 6 → id 8; CGT = 1·16+2·4+3 = 27 → id 29; GTA = 2·16+3·4+0 = 44 → id 46
        assertArrayEquals(new int[] {8, 29, 46}, k3.encode("ACGTA", AT));
        assertEquals("ACGTA", k3.decode(k3.encode("acgta", AT)));
        Kmer k3s3 = new Kmer(3, 3, AmbiguityPolicy.ZERO);
        assertArrayEquals(new int[] {8, 51}, k3s3.encode("ACGTAC", AT)); // ACG at 0, TAC = 48+0+1 = 49 at 3
        assertEquals("ACGTAC", k3s3.decode(k3s3.encode("ACGTAC", AT)));
        assertEquals("ACG", k3s3.decode(k3s3.encode("ACGTA", AT))); // the partial last window is dropped
        Kmer gap = new Kmer(2, 3, AmbiguityPolicy.ZERO);
        assertEquals("ACNGT", gap.decode(gap.encode("ACTGT", AT)));
        // an ambiguous base turns every k-mer that holds it into <unk>
        assertArrayEquals(new int[] {8, 1, 1, 1}, k3.encode("ACGNAC", AT));
        assertEquals("ACGNNN", k3.decode(new int[] {8, 1, 1, 1}));
        assertEquals("reads.fa:42: sequence of length 2 is shorter than k = 3",
                assertThrows(InputFormatException.class, () -> k3.encode("AC", AT)).getMessage());
        assertThrows(InputFormatException.class, () -> new Kmer(3, 1, AmbiguityPolicy.ERROR).encode("ACGNAC", AT));
        // random round trips for stride <= k with whole windows
        Rng rng = new Rng(3);
        for (int n = 0; n < 40; n++) {
            int k = 1 + rng.nextInt(5);
            int stride = 1 + rng.nextInt(k);
            int windows = 1 + rng.nextInt(10);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < k + (windows - 1) * stride; i++) {
                sb.append("ACGT".charAt(rng.nextInt(4)));
            }
            Kmer enc = new Kmer(k, stride, AmbiguityPolicy.ERROR);
            assertEquals(windows, enc.encode(sb.toString(), AT).length);
            assertEquals(sb.toString(), enc.decode(enc.encode(sb.toString(), AT)));
        }
    }
}
