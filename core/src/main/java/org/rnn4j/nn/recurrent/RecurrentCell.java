package org.rnn4j.nn.recurrent;

import org.rnn4j.autograd.Var;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.Parameter;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/**
 * What {@link RNNCell}, {@link LSTMCell} and {@link GRUCell} share (PyTorch's {@code RNNCellBase}): one
 * step for users who write their own time loop. Parameters {@code weight_ih} [G·H, I], {@code weight_hh}
 * [G·H, H], {@code bias_ih}, {@code bias_hh} [G·H], initialised U(−1/√H, 1/√H). Input x is [B, I] or
 * unbatched [I]; states are [B, H] or [H]. A step runs the same fused node as the layers with T = 1.
 * {@link #forward(Var, RecurrentState)} serves every kind; each cell adds PyTorch's typed call
 * ({@code h' = cell(x, h)}, {@code (h', c') = cell(x, (h, c))}).
 */
public abstract sealed class RecurrentCell extends Module permits RNNCell, LSTMCell, GRUCell {
    private final CellKind kind;
    private final int inputSize;
    private final int hiddenSize;
    private final Parameter weightIh;
    private final Parameter weightHh;
    private final Parameter biasIh;
    private final Parameter biasHh;

    RecurrentCell(CellKind kind, int inputSize, int hiddenSize, boolean bias, Rng rng) {
        if (inputSize <= 0 || hiddenSize <= 0) {
            throw new IllegalArgumentException(name(kind) + ": input_size and hidden_size must be greater than zero, got "
                    + inputSize + " and " + hiddenSize);
        }
        this.kind = kind;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        int gh = kind.gates() * hiddenSize;
        weightIh = registerParameter("weight_ih", new Parameter(Tensor.zeros(gh, inputSize)));
        weightHh = registerParameter("weight_hh", new Parameter(Tensor.zeros(gh, hiddenSize)));
        biasIh = bias ? registerParameter("bias_ih", new Parameter(Tensor.zeros(gh))) : null;
        biasHh = bias ? registerParameter("bias_hh", new Parameter(Tensor.zeros(gh))) : null;
        resetParameters(rng);
    }

    /** A cell of {@code kind}; {@code rng} draws its parameters. */
    public static RecurrentCell create(CellKind kind, int inputSize, int hiddenSize, boolean bias, Rng rng) {
        return kind.newCell(inputSize, hiddenSize, bias, rng);
    }

    /** One step from {@code state} ({@code null} = zeros): the state after it, of this kind's type. */
    public final RecurrentState forward(Var x, RecurrentState state) {
        if (state != null && kind.hasCell() != state instanceof LstmState) {
            throw new IllegalArgumentException(name(kind) + ": expected " + (kind.hasCell() ? "a state (h, c), got h only"
                    : "h only, got an LSTM state (h, c)"));
        }
        Var[] r = step(x, state == null ? null : state.h(), state instanceof LstmState s ? s.c() : null);
        return kind.hasCell() ? new LstmState(r[0], r[1]) : new HiddenState(r[0]);
    }

    public final CellKind kind() {
        return kind;
    }

    /** PyTorch's {@code RNNCellBase.extra_repr}. */
    @Override
    protected String extraRepr() {
        String s = inputSize + ", " + hiddenSize;
        if (biasIh == null) {
            s += ", bias=False";
        }
        if (kind == CellKind.RNN_RELU) {
            s += ", nonlinearity=relu";
        }
        return s;
    }

    private static String name(CellKind kind) {
        return kind.moduleName() + "Cell";
    }

    /** Re-draws every parameter from U(−1/√H, 1/√H), in state_dict order. */
    public final void resetParameters(Rng rng) {
        float k = (float) (1.0 / Math.sqrt(hiddenSize));
        for (Parameter p : parameters()) {
            rng.fillUniform(p.value().data(), -k, k);
        }
    }

    public final int inputSize() {
        return inputSize;
    }

    public final int hiddenSize() {
        return hiddenSize;
    }

    /** One step: returns {h', c'} (c' {@code null} except for the LSTM). {@code h}, {@code c} null = zeros. */
    final Var[] step(Var x, Var h, Var c) {
        String name = name(kind);
        int rank = x.shape().rank();
        if (rank != 1 && rank != 2) {
            throw new IllegalArgumentException(name + ": expected input to be 1-D or 2-D, got " + rank
                    + "-D input of shape " + x.shape());
        }
        int width = x.shape().dim(-1);
        if (width != inputSize) {
            throw new IllegalArgumentException(name + ": expected input of size " + inputSize
                    + " in the last dimension, got " + width + " (input shape " + x.shape() + ")");
        }
        boolean batched = rank == 2;
        int batch = batched ? x.shape().dim(0) : 1;
        if (batch == 0) {
            throw new IllegalArgumentException(name + ": expected a batch of at least one, got input of shape " + x.shape());
        }
        Shape stateShape = batched ? Shape.of(batch, hiddenSize) : Shape.of(hiddenSize);
        checkState(name, "h0", h, stateShape);
        checkState(name, "c0", c, stateShape);
        LayerWeights w = new LayerWeights(weightIh, weightHh,
                biasIh == null ? null : biasIh, biasHh == null ? null : biasHh, null);
        Var fused = FusedLayer.apply(kind, x, inputSize, StepLayout.uniform(1, batch), h, 0, c, 0, w, false);
        int size = batch * hiddenSize;
        // fused value: [ y (B·H) | h' (B·H) | c' (B·H) ]
        Var hNext = new BlockCopy(fused).add(0, size, 0, size).build("h", stateShape, 0f);
        Var cNext = kind.hasCell() ? new BlockCopy(fused).add(0, 2 * size, 0, size).build("c", stateShape, 0f) : null;
        return new Var[] {hNext, cNext};
    }

    private static void checkState(String name, String what, Var state, Shape expected) {
        if (state != null && !state.shape().equals(expected)) {
            throw new IllegalArgumentException(name + ": expected " + what + " of shape " + expected
                    + " (matching the input's batch), got " + state.shape());
        }
    }
}
