package org.rnn4j.golden;

import org.rnn4j.nn.recurrent.LstmState;
import java.util.List;
import java.util.Set;
import org.rnn4j.loss.MSELoss;
import org.rnn4j.loss.Reduction;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.recurrent.RecurrentLayer;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.nn.recurrent.RecurrentState;
import org.rnn4j.train.SequenceRegressor;
import org.rnn4j.train.SequenceTrainer;

/**
 * Kind {@code e2e_sine} (README §7): the sine tutorial replayed through {@link SequenceRegressor} and
 * {@link SequenceTrainer}: the recorded initial parameters, windows and window order; per-iteration
 * losses, the state after training, the autoregressive predictions and the final parameters.
 */
final class E2eSineCases {
    private E2eSineCases() {
    }

    static void run(GoldenCase c) {
        List<String> parts = E2eSupport.parts(c, null, "Linear");
        E2eSupport.onlyKeys(c, "inputs", Set.of("starts", "windows", "test_start", "test_window"));
        E2eSupport.onlyKeys(c, "outputs", Set.of("losses", "prediction_h0", "prediction_c0", "predictions", "final_params"));
        ConfigReader top = new ConfigReader(c);
        String rnnModule = top.text("rnn_module", parts.get(0));
        if (!rnnModule.equals(parts.get(0))) {
            throw new AssertionError(c.name() + ": config.rnn_module " + rnnModule + " contradicts module " + c.module());
        }
        top.node("rnn");
        top.node("linear");
        top.node("optimizer");
        int iterations = top.integer("iterations");
        MSELoss loss = mseLoss(c, top);
        top.requireAllRead();

        Rng rng = new Rng(0); // every parameter is loaded from the case
        RecurrentLayer rnn = E2eSupport.recurrent(c, parts.get(0), "rnn", rng);
        Linear linear = E2eSupport.linear(c, "linear", rng);
        SequenceRegressor model = new SequenceRegressor(rnn, linear);
        E2eSupport.load(c, model);
        SequenceTrainer trainer = new SequenceTrainer(model, E2eSupport.optimizer(c, model.parameters()), loss);

        long[] starts = c.longs("inputs", "starts");
        Tensor windows = c.tensor("inputs", "windows"); // [S, P]: row s is the window starting at s
        if (windows.rank() != 2 || starts.length != iterations) {
            throw new AssertionError(c.name() + ": expected windows [S, P] and " + iterations + " starts, got "
                    + windows.shape() + " and " + starts.length);
        }
        int points = windows.dim(1);
        float[] losses = new float[iterations];
        for (int it = 0; it < iterations; it++) {
            int row = Math.toIntExact(starts[it]);
            if (row < 0 || row >= windows.dim(0)) {
                throw new AssertionError(c.name() + ": starts[" + it + "] = " + row + " has no window");
            }
            float[] w = new float[points];
            System.arraycopy(windows.data(), row * points, w, 0, points);
            losses[it] = trainer.step(model.sequence(w, 0, points - 1), model.sequence(w, 1, points - 1));
        }
        Compare.close(c, "losses", c.tensor("outputs", "losses"), E2eSupport.vector(losses), Tolerance.E2E_LOSS);

        RecurrentState state = trainer.state();
        Compare.close(c, "prediction_h0", c.tensor("outputs", "prediction_h0"), state.h().value(), Tolerance.E2E_PARAM);
        boolean hasCell = state instanceof LstmState;
        if (c.has("outputs", "prediction_c0") != hasCell) {
            throw new AssertionError(c.name() + ": prediction_c0 recorded = " + c.has("outputs", "prediction_c0")
                    + ", but the model's state has a cell part = " + hasCell);
        }
        if (state instanceof LstmState s) {
            Compare.close(c, "prediction_c0", c.tensor("outputs", "prediction_c0"), s.c().value(), Tolerance.E2E_PARAM);
        }

        Tensor expected = c.tensor("outputs", "predictions");
        Tensor test = c.tensor("inputs", "test_window");
        int in = rnn.inputSize();
        float[] first = new float[in];
        System.arraycopy(test.data(), 0, first, 0, in);
        Tensor pred = model.predictAutoregressive(first, expected.size() / in, state).predictions(); // [n, I]
        Compare.close(c, "predictions", expected, pred.view(Shape.of(expected.dims())), Tolerance.E2E_PARAM);

        E2eSupport.checkFinalParams(c, model);
    }

    private static MSELoss mseLoss(GoldenCase c, ConfigReader top) {
        top.node("loss");
        ConfigReader r = new ConfigReader(c, "loss");
        String name = r.text("name");
        if (!name.equals("MSELoss")) {
            throw new AssertionError(c.name() + ": unsupported loss " + name + " for kind " + c.kind());
        }
        MSELoss loss = new MSELoss(Reduction.of(r.text("reduction", "mean")));
        r.requireAllRead();
        return loss;
    }
}
