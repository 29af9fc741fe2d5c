package org.rnn4j.golden;

import com.fasterxml.jackson.databind.JsonNode;
import org.rnn4j.autograd.Var;
import org.rnn4j.nn.Linear;
import org.rnn4j.rand.Rng;

/** Kind {@code linear}: nn.Linear forward, and gradients of Σ out·weights_for_out (README §4.6). */
final class LinearCases implements CaseRunner {

    @Override
    public void run(GoldenCase c) {
        JsonNode cfg = c.config();
        boolean hasBias = cfg.path("bias").asBoolean(true);
        Linear linear = new Linear(cfg.get("in_features").asInt(), cfg.get("out_features").asInt(), hasBias, new Rng(0));
        linear.loadStateDict(c.params());
        Var x = Var.param(c.tensor("inputs", "x"));
        Var out = linear.forward(x);
        Compare.close(c, "out", c.tensor("outputs", "out"), out.value(), Tolerance.FORWARD);
        out.backward(c.tensor("loss", "weights_for_out"));
        Compare.close(c, "grad x", c.tensor("grads", "x"), x.grad(), Tolerance.GRAD);
        Compare.close(c, "grad weight", c.tensor("grads", "weight"), linear.weight().grad(), Tolerance.GRAD);
        if (hasBias) {
            Compare.close(c, "grad bias", c.tensor("grads", "bias"), linear.bias().orElseThrow().grad(), Tolerance.GRAD);
        } else if (linear.bias().isPresent() || c.has("grads", "bias")) {
            throw new AssertionError(c.name() + ": bias=False but a bias exists");
        }
    }
}
