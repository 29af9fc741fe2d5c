package org.rnn4j.golden;

import org.rnn4j.tensor.IntTensor;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import org.rnn4j.autograd.Var;
import org.rnn4j.loss.BCEWithLogitsLoss;
import org.rnn4j.loss.CrossEntropyLoss;
import org.rnn4j.loss.MSELoss;
import org.rnn4j.loss.NLLLoss;
import org.rnn4j.loss.Reduction;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/**
 * Kind {@code loss}: builds the loss from {@code config} (every key is interpreted; an unknown key or
 * module fails), evaluates it on {@code inputs.input} / {@code inputs.target}, backpropagates the
 * module's own output and compares {@code outputs.loss} and every {@code grads.*}.
 */
final class LossCases {
    private LossCases() {
    }

    static void run(GoldenCase c) {
        for (Iterator<String> it = c.section("grads").fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("input") && !k.equals("target")) {
                throw new AssertionError(c.name() + ": unexpected gradient grads." + k);
            }
        }
        ConfigReader r = new ConfigReader(c);
        JsonNode red = r.node("reduction");
        Reduction reduction = red == null ? Reduction.MEAN : Reduction.of(red.asText());
        Var input = Var.param(c.tensor("inputs", "input"));
        Var loss;
        Var target = null;
        switch (c.module()) {
            case "CrossEntropyLoss" -> {
                CrossEntropyLoss ce = new CrossEntropyLoss(configTensor(r, "weight"), ignoreIndex(r), reduction,
                        r.num("label_smoothing", 0.0));
                r.requireAllRead();
                loss = ce.forward(input, targets(c));
            }
            case "NLLLoss" -> {
                NLLLoss nll = new NLLLoss(configTensor(r, "weight"), ignoreIndex(r), reduction);
                r.requireAllRead();
                loss = nll.forward(input, targets(c));
            }
            case "MSELoss" -> {
                r.requireAllRead();
                target = floatTarget(c);
                loss = new MSELoss(reduction).forward(input, target);
            }
            case "BCEWithLogitsLoss" -> {
                BCEWithLogitsLoss bce = new BCEWithLogitsLoss(configTensor(r, "weight"), configTensor(r, "pos_weight"),
                        reduction);
                r.requireAllRead();
                target = floatTarget(c);
                loss = bce.forward(input, target);
            }
            default -> throw new AssertionError(c.name() + ": unknown loss module " + c.module());
        }
        Compare.close(c, "outputs.loss", c.tensor("outputs", "loss"), loss.value(), Tolerance.FORWARD);
        // loss.kind "module_output": the module's own output is differentiated (a non-scalar one summed).
        loss.backward(Tensor.ones(loss.shape()));
        Compare.close(c, "grads.input", c.tensor("grads", "input"), input.grad(), Tolerance.GRAD);
        if (c.has("grads", "target")) {
            if (target == null) {
                throw new AssertionError(c.name() + ": grads.target recorded for class-index targets");
            }
            Compare.close(c, "grads.target", c.tensor("grads", "target"), target.grad(), Tolerance.GRAD);
        }
    }

    private static int ignoreIndex(ConfigReader r) {
        return (int) r.num("ignore_index", CrossEntropyLoss.DEFAULT_IGNORE_INDEX);
    }

    /** A config tensor such as {@code weight} / {@code pos_weight}, or null when absent or null. */
    private static Tensor configTensor(ConfigReader r, String key) {
        JsonNode n = r.node(key);
        return n == null ? null : GoldenCase.tensor(n);
    }

    private static IntTensor targets(GoldenCase c) {
        JsonNode t = c.section("inputs").get("target");
        if (t == null || !"int64".equals(t.path("dtype").asText())) {
            throw new AssertionError(c.name() + ": inputs.target must be an int64 tensor of class indices");
        }
        return IntTensor.fromLongs(Shape.of(GoldenCase.dims(t)), GoldenCase.longs(t));
    }

    /** A float target that collects a gradient when the case records one. */
    private static Var floatTarget(GoldenCase c) {
        Tensor y = c.tensor("inputs", "target");
        return c.has("grads", "target") ? Var.param(y) : Var.constant(y);
    }
}
