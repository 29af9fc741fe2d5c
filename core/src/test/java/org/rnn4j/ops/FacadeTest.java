package org.rnn4j.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rnn4j.ops.F.add;
import static org.rnn4j.ops.F.cat;
import static org.rnn4j.ops.F.linear;
import static org.rnn4j.ops.F.matmul;
import static org.rnn4j.ops.F.mul;
import static org.rnn4j.ops.F.narrow;
import static org.rnn4j.ops.F.rsub;
import static org.rnn4j.ops.F.sigmoid;
import static org.rnn4j.ops.F.tanh;
import static org.rnn4j.testutil.GradCheck.randomParam;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.autograd.Var;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.testutil.GradCheck;

/** A composed GRU-like step written with the static facade, gradient-checked end to end. */
class FacadeTest {

    @Test
    void composedGatedStep() {
        Rng rng = new Rng(31);
        Var x = randomParam(rng, 1f, 2, 3);
        Var h = randomParam(rng, 1f, 2, 4);
        Var wih = randomParam(rng, 0.5f, 8, 3);
        Var whh = randomParam(rng, 0.5f, 4, 8);
        Var b = randomParam(rng, 0.5f, 8);
        GradCheck.check("facade gated step", List.of(x, h, wih, whh, b), () -> {
            Var g = add(linear(x, wih, b), matmul(h, whh)); // [2, 8]
            Var z = sigmoid(narrow(g, 1, 0, 4));
            Var n = tanh(narrow(g, -1, 4, 4));
            Var next = add(mul(rsub(1f, z), n), mul(z, h)); // (1 - z)·n + z·h
            return cat(List.of(next, z), 0);
        });
        Var y = cat(List.of(tanh(matmul(h, whh)), sigmoid(linear(x, wih, b))), -1);
        assertEquals(Shape.of(2, 16), y.shape());
    }
}
