package org.rnn4j.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rnn4j.autograd.Var;
import org.rnn4j.loss.CrossEntropyLoss;
import org.rnn4j.nn.Parameter;
import org.rnn4j.kernel.Parallel;
import org.rnn4j.optim.Adam;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.IntTensor;
import org.rnn4j.tensor.Workspace;

/**
 * Training in workspace steps gives bitwise the numbers of training without one (reused arrays are
 * zeroed exactly where new ones were zero), for the LSTM and GRU text models and any thread count.
 */
class WorkspaceBitwiseTest {
    private static final TextWorkload.Dims DIMS = new TextWorkload.Dims(1_000, 40, 24);
    private static final int BATCH = 6;
    private static final int SEQ = 5;
    private static final int STEPS = 6;

    private final int threadsBefore = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(threadsBefore);
    }

    /** Losses of every step followed by every parameter value after the last one. */
    @SuppressWarnings("try") // the resource is a scope (workspace step, grad mode), never referenced
    private static List<float[]> train(org.rnn4j.nn.recurrent.CellKind cell, boolean inWorkspace) {
        TextWorkload.TextNet net = new TextWorkload.TextNet(cell, DIMS, new Rng(3));
        Adam adam = new Adam(net.parameters(), Adam.Options.defaults().withLr(1e-2));
        CrossEntropyLoss ce = CrossEntropyLoss.defaults();
        Rng data = new Rng(4);
        Workspace ws = new Workspace();
        float[] losses = new float[STEPS];
        for (int s = 0; s < STEPS; s++) {
            IntTensor x = TextWorkload.ids(data, BATCH, SEQ, DIMS.vocab());
            IntTensor y = DnaWorkload.labels(data, BATCH);
            try (Workspace.Step step = inWorkspace ? ws.open() : null) { // a null resource is not closed
                adam.zeroGrad();
                Var loss = ce.forward(net.forward(x), y);
                loss.backward();
                adam.step();
                losses[s] = loss.value().item();
            }
        }
        List<float[]> out = new ArrayList<>();
        out.add(losses);
        for (Parameter p : net.parameters()) {
            out.add(p.value().data().clone());
        }
        return out;
    }

    @Test
    void workspaceStepsChangeNoBit() {
        for (org.rnn4j.nn.recurrent.CellKind cell : new org.rnn4j.nn.recurrent.CellKind[] {org.rnn4j.nn.recurrent.CellKind.LSTM, org.rnn4j.nn.recurrent.CellKind.GRU}) {
            Parallel.setThreads(1);
            List<float[]> plain = train(cell, false);
            for (int threads : new int[] {1, 2}) {
                Parallel.setThreads(threads);
                List<float[]> reused = train(cell, true);
                assertEquals(plain.size(), reused.size());
                for (int i = 0; i < plain.size(); i++) {
                    assertArrayEquals(plain.get(i), reused.get(i), cell + ", " + threads + " thread(s), "
                            + (i == 0 ? "losses" : "parameter " + (i - 1)));
                }
            }
        }
    }
}
