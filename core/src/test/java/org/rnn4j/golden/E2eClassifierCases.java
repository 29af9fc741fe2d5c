package org.rnn4j.golden;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.rnn4j.autograd.Var;
import org.rnn4j.loss.CrossEntropyLoss;
import org.rnn4j.loss.Reduction;
import org.rnn4j.nn.Embedding;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.recurrent.GRU;
import org.rnn4j.nn.recurrent.LSTM;
import org.rnn4j.nn.recurrent.RNN;
import org.rnn4j.nn.recurrent.RecurrentLayer;
import org.rnn4j.ops.F;
import org.rnn4j.optim.Optimizer;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.IntTensor;
import org.rnn4j.tensor.Shape;

/**
 * Kind {@code e2e_classifier} (README §7): Embedding → recurrent layer (zero state, no packing) →
 * Linear on {@code cat([h_n[0], h_n[1]], 1)}, CrossEntropyLoss, full-batch steps of the configured
 * optimizer; losses before each step, initial and final logits, final parameters.
 */
final class E2eClassifierCases {
    private E2eClassifierCases() {
    }

    /** The case's network; child names (embedding, lstm, linear) give PyTorch's parameter names. */
    private static final class Net extends Module {
        final Embedding embedding;
        final RecurrentLayer rnn;
        final Linear linear;

        Net(Embedding embedding, String rnnName, RecurrentLayer rnn, Linear linear) {
            this.embedding = registerModule("embedding", embedding);
            this.rnn = registerModule(rnnName, rnn);
            this.linear = registerModule("linear", linear);
        }

        /** tokens [B, L] → logits [B, C]. */
        Var forward(IntTensor tokens) {
            Var e = embedding.forward(tokens);
            Var hN = rnn.forward(e).hN();
            // [forward final state | backward final state] [B, 2H]
            Var feat = F.cat(List.of(F.select(hN, 0, 0), F.select(hN, 0, 1)), 1);
            return linear.forward(feat);
        }
    }

    static void run(GoldenCase c) {
        List<String> parts = E2eSupport.parts(c, "Embedding", null, "Linear");
        E2eSupport.onlyKeys(c, "inputs", Set.of("tokens", "labels"));
        E2eSupport.onlyKeys(c, "outputs", Set.of("losses", "initial_logits", "final_logits", "final_params"));
        // The recurrent part's config (and module name in the state_dict): "lstm" for an LSTM, else "rnn".
        String lower = parts.get(1).toLowerCase(java.util.Locale.ROOT);
        String rnnName = c.config().has(lower) ? lower : "rnn";
        ConfigReader top = new ConfigReader(c);
        top.node("embedding");
        top.node(rnnName);
        top.node("linear");
        top.node("optimizer");
        top.node("loss");
        int steps = top.integer("steps");
        top.requireAllRead();

        Rng rng = new Rng(0); // every parameter is loaded from the case
        Net net = new Net(embedding(c, rng), rnnName, E2eSupport.recurrent(c, parts.get(1), rnnName, rng),
                E2eSupport.linear(c, "linear", rng));
        if (net.rnn.options().numDirections() * net.rnn.outputSize() != net.linear.inFeatures()) {
            throw new AssertionError(c.name() + ": linear in_features " + net.linear.inFeatures()
                    + " does not match cat([h_n[0], h_n[1]]) of width " + 2 * net.rnn.outputSize());
        }
        E2eSupport.load(c, net);
        Optimizer opt = E2eSupport.optimizer(c, net.parameters());
        CrossEntropyLoss loss = crossEntropy(c);

        JsonNode tok = c.section("inputs").get("tokens");
        IntTensor tokens = IntTensor.fromLongs(Shape.of(GoldenCase.dims(tok)), GoldenCase.longs(tok));
        JsonNode lab = c.section("inputs").get("labels");
        IntTensor labels = IntTensor.fromLongs(Shape.of(GoldenCase.dims(lab)), GoldenCase.longs(lab));

        float[] losses = new float[steps];
        for (int s = 0; s < steps; s++) {
            Var logits = net.forward(tokens);
            if (s == 0) {
                Compare.close(c, "initial_logits", c.tensor("outputs", "initial_logits"), logits.value(), Tolerance.E2E_PARAM);
            }
            Var l = loss.forward(logits, labels);
            losses[s] = l.value().data()[0];
            opt.zeroGrad();
            l.backward();
            opt.step();
        }
        Compare.close(c, "losses", c.tensor("outputs", "losses"), E2eSupport.vector(losses), Tolerance.E2E_LOSS);
        Compare.close(c, "final_logits", c.tensor("outputs", "final_logits"), net.forward(tokens).value(),
                Tolerance.E2E_PARAM);
        E2eSupport.checkFinalParams(c, net);
    }

    private static Embedding embedding(GoldenCase c, Rng rng) {
        ConfigReader r = new ConfigReader(c, "embedding");
        JsonNode pad = r.node("padding_idx");
        Embedding e = new Embedding(r.integer("num_embeddings"), r.integer("embedding_dim"),
                pad == null ? OptionalInt.empty() : OptionalInt.of(pad.asInt()), rng);
        r.requireAllRead();
        return e;
    }

    private static CrossEntropyLoss crossEntropy(GoldenCase c) {
        ConfigReader r = new ConfigReader(c, "loss");
        String name = r.text("name");
        if (!name.equals("CrossEntropyLoss")) {
            throw new AssertionError(c.name() + ": unsupported loss " + name + " for kind " + c.kind());
        }
        JsonNode w = r.node("weight");
        CrossEntropyLoss loss = new CrossEntropyLoss(w == null ? null : GoldenCase.tensor(w),
                r.integer("ignore_index", CrossEntropyLoss.DEFAULT_IGNORE_INDEX),
                Reduction.of(r.text("reduction", "mean")), r.num("label_smoothing", 0.0));
        r.requireAllRead();
        return loss;
    }
}
