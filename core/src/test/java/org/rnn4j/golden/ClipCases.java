package org.rnn4j.golden;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.rnn4j.autograd.Var;
import org.rnn4j.optim.GradClip;
import org.rnn4j.tensor.Tensor;

/**
 * Kind {@code clip}: leaves holding {@code inputs.grads} (in {@code param_order}) are clipped;
 * {@code outputs.grads_after} and, for clip_grad_norm_, {@code outputs.total_norm} are compared.
 */
final class ClipCases {
    private ClipCases() {
    }

    static void run(GoldenCase c) {
        JsonNode grads = c.section("inputs").path("grads");
        List<String> names = c.paramOrder().isEmpty() ? fieldNames(grads) : c.paramOrder();
        List<Var> vars = new ArrayList<>();
        for (String n : names) {
            JsonNode g = grads.get(n);
            if (g == null || g.isNull()) {
                throw new AssertionError(c.name() + ": inputs.grads." + n + " is missing");
            }
            Tensor t = GoldenCase.tensor(g);
            Var v = Var.param(Tensor.zeros(t.shape()));
            v.gradBuffer().copyFrom(t);
            vars.add(v);
        }
        ConfigReader r = new ConfigReader(c);
        r.implementationFlags();
        switch (c.module()) {
            case "clip_grad_norm_" -> {
                double maxNorm = r.num("max_norm");
                double normType = r.num("norm_type", 2.0);
                boolean errorIfNonfinite = r.bool("error_if_nonfinite", false);
                r.requireAllRead();
                double total = GradClip.clipGradNorm(vars, maxNorm, normType, errorIfNonfinite);
                Compare.close(c, "outputs.total_norm", c.tensor("outputs", "total_norm"),
                        Tensor.scalar((float) total), Tolerance.OPTIM);
            }
            case "clip_grad_value_" -> {
                double clip = r.num("clip_value");
                r.requireAllRead();
                GradClip.clipGradValue(vars, clip);
            }
            default -> throw new AssertionError(c.name() + ": unknown clip module " + c.module());
        }
        JsonNode after = c.section("outputs").path("grads_after");
        for (int i = 0; i < names.size(); i++) {
            JsonNode e = after.get(names.get(i));
            if (e == null || e.isNull()) {
                throw new AssertionError(c.name() + ": outputs.grads_after." + names.get(i) + " is missing");
            }
            Compare.close(c, "grads_after." + names.get(i), GoldenCase.tensor(e), vars.get(i).grad(), Tolerance.OPTIM);
        }
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
