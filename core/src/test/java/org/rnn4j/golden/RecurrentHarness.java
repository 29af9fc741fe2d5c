package org.rnn4j.golden;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.autograd.Var;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.Parameter;
import org.rnn4j.nn.recurrent.GRU;
import org.rnn4j.nn.recurrent.GRUCell;
import org.rnn4j.nn.recurrent.LSTM;
import org.rnn4j.nn.recurrent.LSTMCell;
import org.rnn4j.nn.recurrent.Nonlinearity;
import org.rnn4j.nn.recurrent.RNN;
import org.rnn4j.nn.recurrent.RNNCell;
import org.rnn4j.nn.recurrent.RecurrentOptions;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/**
 * Shared by the recurrent-family runners: builds a module from a case's {@code config} (PyTorch's
 * constructor kwargs, defaults when absent), and checks the weighted-sum loss and its gradients.
 */
final class RecurrentHarness {
    private RecurrentHarness() {
    }

    /** A layer (RNN / LSTM / GRU) or cell (…Cell) as configured, with fresh seeded parameters. */
    static Module build(GoldenCase c, Rng rng) {
        return build(c, c.module(), new ConfigReader(c), rng);
    }

    /**
     * The layer or cell {@code module} from the constructor kwargs {@code r} reads (PyTorch's names,
     * defaults when absent); the caller decides whether unread keys are an error.
     */
    static Module build(GoldenCase c, String module, ConfigReader r, Rng rng) {
        int in = r.integer("input_size");
        int hidden = r.integer("hidden_size");
        boolean bias = r.bool("bias", true);
        boolean simple = module.equals("RNN") || module.equals("RNNCell");
        Nonlinearity nl = Nonlinearity.parse(simple ? r.text("nonlinearity", "tanh") : "tanh");
        boolean layer = !module.endsWith("Cell");
        RecurrentOptions o = !layer ? null : RecurrentOptions.DEFAULTS
                .withNumLayers(r.integer("num_layers", 1))
                .withBias(bias)
                .withBatchFirst(r.bool("batch_first", false))
                .withDropout(r.num("dropout", 0.0))
                .withBidirectional(r.bool("bidirectional", false))
                .withProjSize(module.equals("LSTM") ? r.integer("proj_size", 0) : 0);
        return switch (module) {
            case "RNN" -> new RNN(in, hidden, nl, o, rng);
            case "LSTM" -> new LSTM(in, hidden, o, rng);
            case "GRU" -> new GRU(in, hidden, o, rng);
            case "RNNCell" -> new RNNCell(in, hidden, bias, nl, rng);
            case "LSTMCell" -> new LSTMCell(in, hidden, bias, rng);
            case "GRUCell" -> new GRUCell(in, hidden, bias, rng);
            default -> throw new AssertionError(c.name() + ": unknown recurrent module " + module);
        };
    }

    /** Builds the module, checks its parameter names against param_order and loads the case's values. */
    static Module buildLoaded(GoldenCase c) {
        Module m = build(c, new Rng(c.json().path("seed").asLong(0)));
        checkParamOrder(c, m);
        m.loadStateDict(c.params());
        m.eval(); // dropout is 0 in every case; eval makes that explicit
        return m;
    }

    static void checkParamOrder(GoldenCase c, Module m) {
        List<String> actual = new ArrayList<>(m.namedParameters().keySet());
        if (!actual.equals(c.paramOrder())) {
            throw new AssertionError(c.name() + ": parameter order " + actual + ", expected " + c.paramOrder());
        }
    }

    /** {@code inputs.key} as a leaf requiring a gradient, or {@code null} when the case has none. */
    static Var input(GoldenCase c, String key) {
        return c.has("inputs", key) ? Var.param(c.tensor("inputs", key)) : null;
    }

    /**
     * Compares every recorded float output, then forms {@code Σ_k sum(output_k · weights_for_output_k)},
     * compares its value, backpropagates it and compares every recorded gradient ({@code leaves} by
     * name: x, h0, c0; the module's parameters by their state_dict names).
     */
    static void checkOutputsAndGrads(GoldenCase c, Map<String, Var> outputs, Map<String, Var> leaves, Module m) {
        for (Map.Entry<String, Var> e : outputs.entrySet()) {
            if (c.has("outputs", e.getKey())) {
                Compare.close(c, "outputs." + e.getKey(), c.tensor("outputs", e.getKey()), e.getValue().value(), Tolerance.FORWARD);
            }
        }
        Iterator<String> names = c.section("outputs").fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!k.endsWith("_lengths") && !outputs.containsKey(k)) {
                throw new AssertionError(c.name() + ": the runner did not produce outputs." + k);
            }
        }
        Var loss = weightedSum(c, outputs);
        if (c.has("loss", "value")) {
            Compare.close(c, "loss.value", c.tensor("loss", "value"), loss.value(), Tolerance.FORWARD);
        }
        loss.backward();
        Map<String, Var> all = new LinkedHashMap<>(leaves);
        for (Map.Entry<String, Parameter> p : m.namedParameters().entrySet()) {
            all.put(p.getKey(), p.getValue());
        }
        Iterator<String> grads = c.section("grads").fieldNames();
        if (!grads.hasNext()) {
            throw new AssertionError(c.name() + ": no grads recorded");
        }
        while (grads.hasNext()) {
            String k = grads.next();
            Var v = all.get(k);
            if (v == null) {
                throw new AssertionError(c.name() + ": grads." + k + " names no input or parameter");
            }
            Tensor g = v.grad() == null ? Tensor.zeros(v.shape()) : v.grad();
            Compare.close(c, "grads." + k, c.tensor("grads", k), g, Tolerance.GRAD);
        }
    }

    /** The case's loss: Σ over {@code loss.weights_for_<name>} of sum(output · weights), as one graph node. */
    static Var weightedSum(GoldenCase c, Map<String, Var> outputs) {
        List<Var> outs = new ArrayList<>();
        List<Tensor> weights = new ArrayList<>();
        Iterator<String> keys = c.section("loss").fieldNames();
        while (keys.hasNext()) {
            String k = keys.next();
            if (!k.startsWith("weights_for_")) {
                continue;
            }
            String name = k.substring("weights_for_".length());
            Var o = outputs.get(name);
            if (o == null) {
                throw new AssertionError(c.name() + ": loss weights for unknown output " + name);
            }
            Tensor w = c.tensor("loss", k);
            if (!w.shape().equals(o.shape())) {
                throw new AssertionError(c.name() + ": weights_for_" + name + " " + w.shape() + " vs output " + o.shape());
            }
            outs.add(o);
            weights.add(w);
        }
        double s = 0;
        for (int i = 0; i < outs.size(); i++) {
            s += Kernels.elementwise().dot(weights.get(i).size(), weights.get(i).data(), 0, outs.get(i).value().data(), 0);
        }
        Var[] in = outs.toArray(new Var[0]);
        return Var.of("weighted_sum", Tensor.of(Shape.scalar(), (float) s), g -> {
            float seed = g.data()[0];
            for (int i = 0; i < in.length; i++) {
                if (in[i].requiresGrad()) {
                    Kernels.elementwise().axpy(weights.get(i).size(), seed, weights.get(i).data(), 0, in[i].gradBuffer().data(), 0);
                }
            }
        }, in);
    }

    static Map<String, Var> leaves(Var x, Var h0, Var c0) {
        Map<String, Var> m = new LinkedHashMap<>();
        m.put("x", x);
        if (h0 != null) {
            m.put("h0", h0);
        }
        if (c0 != null) {
            m.put("c0", c0);
        }
        return m;
    }
}
