package org.rnn4j.golden;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Which runner replays which {@code kind}; one place to register a new kind. */
final class GoldenRunners {
    private GoldenRunners() {
    }

    /**
     * Kinds delivered by a later issue: reported as pending, not failed. Empty: every kind of the
     * golden README has a runner (the mechanism stays for kinds a future case set may add).
     */
    static final Set<String> PENDING = Set.of();

    static Map<String, CaseRunner> all() {
        Map<String, CaseRunner> m = new TreeMap<>();
        m.put("embedding", new EmbeddingCases());
        m.put("linear", new LinearCases());
        m.put("loss", LossCases::run);
        m.put("optimizer", OptimizerCases::run);
        m.put("clip", ClipCases::run);
        m.put("recurrent", RecurrentCases::run);
        m.put("packed", PackedCases::run);
        m.put("cell", CellCases::run);
        m.put("params_only", ParamsOnlyCases::run);
        m.put("e2e_sine", E2eSineCases::run);
        m.put("e2e_classifier", E2eClassifierCases::run);
        return m;
    }
}
