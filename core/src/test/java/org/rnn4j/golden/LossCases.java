package org.rnn4j.golden;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.rnn4j.autograd.Var;
import org.rnn4j.loss.BCEWithLogitsLoss;
import org.rnn4j.loss.CrossEntropyLoss;
import org.rnn4j.loss.MSELoss;
import org.rnn4j.loss.NLLLoss;
import org.rnn4j.loss.Reduction;
import org.rnn4j.loss.Targets;
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

    private static final Map<String, Set<String>> CONFIG_KEYS = Map.of(
            "MSELoss", Set.of("reduction"),
            "CrossEntropyLoss", Set.of("weight", "ignore_index", "reduction", "label_smoothing"),
            "NLLLoss", Set.of("weight", "ignore_index", "reduction"),
            "BCEWithLogitsLoss", Set.of("weight", "pos_weight", "reduction"));

    static void run(GoldenCase c) {
        Set<String> known = CONFIG_KEYS.get(c.module());
        if (known == null) {
            throw new AssertionError(c.name() + ": unknown loss module " + c.module());
        }
        for (Iterator<String> it = c.config().fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                throw new AssertionError(c.name() + ": unsupported config key " + k + " for " + c.module());
            }
        }
        for (Iterator<String> it = c.section("grads").fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("input") && !k.equals("target")) {
                throw new AssertionError(c.name() + ": unexpected gradient grads." + k);
            }
        }
        Reduction reduction = Reduction.of(c.config().path("reduction").asText("mean"));
        Var input = Var.param(c.tensor("inputs", "input"));
        Var loss;
        Var target = null;
        switch (c.module()) {
            case "CrossEntropyLoss" -> {
                CrossEntropyLoss ce = new CrossEntropyLoss(configTensor(c, "weight"), ignoreIndex(c), reduction,
                        c.config().path("label_smoothing").asDouble(0.0));
                loss = ce.forward(input, targets(c));
            }
            case "NLLLoss" -> loss = new NLLLoss(configTensor(c, "weight"), ignoreIndex(c), reduction)
                    .forward(input, targets(c));
            case "MSELoss" -> {
                target = floatTarget(c);
                loss = new MSELoss(reduction).forward(input, target);
            }
            case "BCEWithLogitsLoss" -> {
                target = floatTarget(c);
                loss = new BCEWithLogitsLoss(configTensor(c, "weight"), configTensor(c, "pos_weight"), reduction)
                        .forward(input, target);
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

    private static int ignoreIndex(GoldenCase c) {
        JsonNode n = c.config().get("ignore_index");
        return n == null || n.isNull() ? CrossEntropyLoss.DEFAULT_IGNORE_INDEX : n.asInt();
    }

    /** A config tensor such as {@code weight} / {@code pos_weight}, or null when absent or null. */
    private static Tensor configTensor(GoldenCase c, String key) {
        return c.has("config", key) ? c.tensor("config", key) : null;
    }

    private static Targets targets(GoldenCase c) {
        JsonNode t = c.section("inputs").get("target");
        if (t == null || !"int64".equals(t.path("dtype").asText())) {
            throw new AssertionError(c.name() + ": inputs.target must be an int64 tensor of class indices");
        }
        return Targets.fromLongs(Shape.of(GoldenCase.dims(t)), GoldenCase.longs(t));
    }

    /** A float target that collects a gradient when the case records one. */
    private static Var floatTarget(GoldenCase c) {
        Tensor y = c.tensor("inputs", "target");
        return c.has("grads", "target") ? Var.param(y) : Var.constant(y);
    }
}
