package org.rnn4j.classify;

import java.util.ArrayList;
import java.util.List;
import org.rnn4j.data.SourceLocation;
import org.rnn4j.data.seq.Example;
import org.rnn4j.rand.Rng;

/** Small seeded data sets for fast classifier tests. */
final class TinyData {
    private TinyData() {
    }

    /**
     * DNA of 6..14 bases: class "at" is mostly A/T, class "gc" mostly G/C (one base in five from
     * the other pair), so a tiny model separates them in a few epochs.
     */
    static List<Example> dna(int n, long seed) {
        Rng rng = new Rng(seed);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean at = i % 2 == 0;
            int len = 6 + rng.nextInt(9);
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < len; j++) {
                boolean own = rng.nextInt(5) != 0;
                String pair = (at == own) ? "AT" : "GC";
                sb.append(pair.charAt(rng.nextInt(2)));
            }
            out.add(new Example("s" + i, at ? "at" : "gc", sb.toString(), new SourceLocation("tiny.tsv", i + 2)));
        }
        return out;
    }

    /** Random labels: nothing to learn. */
    static List<Example> noise(int n, long seed) {
        Rng rng = new Rng(seed);
        List<Example> out = new ArrayList<>();
        for (Example e : dna(n, seed)) {
            out.add(new Example(e.id(), rng.nextInt(2) == 0 ? "at" : "gc", e.sequence(), e.source()));
        }
        return out;
    }
}
