package org.rnn4j.golden;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.Parameter;
import org.rnn4j.nn.recurrent.RecurrentLayer;
import org.rnn4j.optim.Optimizer;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Tensor;

/** What the end-to-end runners share: module-name parsing, building parts from config, final checks. */
final class E2eSupport {
    static final Set<String> RECURRENT = Set.of("RNN", "LSTM", "GRU");

    private E2eSupport() {
    }

    /** {@code "RNN+Linear"} → ["RNN", "Linear"], checked against the expected pattern (null = a recurrent layer). */
    static List<String> parts(GoldenCase c, String... pattern) {
        List<String> parts = List.of(c.module().split("\\+"));
        boolean ok = parts.size() == pattern.length;
        for (int i = 0; ok && i < pattern.length; i++) {
            ok = pattern[i] == null ? RECURRENT.contains(parts.get(i)) : pattern[i].equals(parts.get(i));
        }
        if (!ok) {
            throw new AssertionError(c.name() + ": unknown module " + c.module() + " for kind " + c.kind());
        }
        return parts;
    }

    /** The recurrent layer {@code module} from {@code config.section}, every key interpreted. */
    static RecurrentLayer recurrent(GoldenCase c, String module, String section, Rng rng) {
        ConfigReader r = new ConfigReader(c, section);
        Module m = RecurrentHarness.build(c, module, r, rng);
        r.requireAllRead();
        return (RecurrentLayer) m;
    }

    /** {@code Linear} from {@code config.section}. */
    static Linear linear(GoldenCase c, String section, Rng rng) {
        ConfigReader r = new ConfigReader(c, section);
        Linear l = new Linear(r.integer("in_features"), r.integer("out_features"), r.bool("bias", true), rng);
        r.requireAllRead();
        return l;
    }

    /** The optimizer named by {@code config.optimizer.name} over {@code params}. */
    static Optimizer optimizer(GoldenCase c, List<Parameter> params) {
        ConfigReader r = new ConfigReader(c, "optimizer");
        return OptimizerCases.build(c, r.text("name"), r, params);
    }

    /** Checks param_order against the model's names and loads {@code params}. */
    static void load(GoldenCase c, Module model) {
        RecurrentHarness.checkParamOrder(c, model);
        model.loadStateDict(c.params());
    }

    /** Every {@code outputs.final_params} entry against the model's parameter of that name, and no name missing. */
    static void checkFinalParams(GoldenCase c, Module model) {
        JsonNode fp = c.section("outputs").get("final_params");
        if (fp == null || !fp.isObject()) {
            throw new AssertionError(c.name() + ": outputs.final_params is missing");
        }
        Map<String, Parameter> own = model.namedParameters();
        List<String> names = new ArrayList<>();
        fp.fieldNames().forEachRemaining(names::add);
        if (!Set.copyOf(names).equals(own.keySet())) {
            throw new AssertionError(c.name() + ": final_params names " + names + ", model has " + own.keySet());
        }
        for (String n : names) {
            Compare.close(c, "final_params." + n, GoldenCase.tensor(fp.get(n)), own.get(n).value(), Tolerance.E2E_PARAM);
        }
    }

    /** Fails on a key of {@code section} that the runner does not know. */
    static void onlyKeys(GoldenCase c, String section, Set<String> known) {
        for (Iterator<String> it = c.section(section).fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                throw new AssertionError(c.name() + ": unknown " + section + "." + k + " for kind " + c.kind());
            }
        }
    }

    /** Losses as a [n] tensor for comparison. */
    static Tensor vector(float[] v) {
        return Tensor.wrap(org.rnn4j.tensor.Shape.of(v.length), v);
    }
}
