package org.rnn4j.data.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Token frequencies, counted while streaming over training data. */
public final class TokenCounts {
    private final Map<String, long[]> counts = new HashMap<>();
    private long total;

    /** No tokens counted yet. */
    public TokenCounts() {
    }

    public void add(String token) {
        counts.computeIfAbsent(token, t -> new long[1])[0]++;
        total++;
    }

    public void addAll(Collection<String> tokens) {
        for (String t : tokens) {
            add(t);
        }
    }

    public long count(String token) {
        long[] c = counts.get(token);
        return c == null ? 0 : c[0];
    }

    /** The number of distinct tokens. */
    public int distinct() {
        return counts.size();
    }

    /** The number of tokens counted. */
    public long total() {
        return total;
    }

    /** Tokens by decreasing count, ties by {@link String#compareTo}: the same for any order of arrival. */
    public List<String> byFrequency() {
        List<String> tokens = new ArrayList<>(counts.keySet());
        tokens.sort((a, b) -> {
            int c = Long.compare(counts.get(b)[0], counts.get(a)[0]);
            return c != 0 ? c : a.compareTo(b);
        });
        return tokens;
    }
}
