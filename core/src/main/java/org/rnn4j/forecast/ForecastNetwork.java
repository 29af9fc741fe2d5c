package org.rnn4j.forecast;

import org.rnn4j.autograd.Var;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentLayer;
import org.rnn4j.nn.recurrent.RecurrentOptions;
import org.rnn4j.ops.F;
import org.rnn4j.rand.Rng;

/**
 * One forecasting network: a recurrent stack ({@code rnn}, batch first) reads the window and a
 * linear layer ({@code head}) maps the last layer's final hidden state to the whole horizon at once.
 * In PyTorch:
 * <pre>
 * out, state = self.rnn(x)                      # x [B, W, F]
 * h_n = state[0] if isinstance(state, tuple) else state
 * return self.head(h_n[-1])                     # [B, horizon]
 * </pre>
 * The head starts at zero, so an untrained network forecasts "stay at the window's reference level"
 * and training starts from that sensible forecast.
 */
public final class ForecastNetwork extends Module {
    private final RecurrentLayer rnn;
    private final Linear head;
    private final int inputSize;

    public ForecastNetwork(CellKind cell, int inputSize, int hiddenSize, int numLayers, int horizon, Rng rng) {
        this.inputSize = inputSize;
        RecurrentOptions opts = RecurrentOptions.DEFAULTS.withNumLayers(numLayers).withBatchFirst(true);
        this.rnn = registerModule("rnn", RecurrentLayer.create(cell, inputSize, hiddenSize, opts, rng));
        this.head = registerModule("head", new Linear(hiddenSize, horizon, rng));
        head.weight().value().fill(0f);
        head.bias().orElseThrow().value().fill(0f);
    }

    /** F: features per time step. */
    public int inputSize() {
        return inputSize;
    }

    /** x [B, W, F] → [B, horizon]. */
    public Var forward(Var x) {
        Var hN = rnn.forward(x).hN();                       // [L, B, H]
        Var last = F.select(hN, 0, hN.shape().dim(0) - 1);  // [B, H]
        return head.forward(last);
    }
}
