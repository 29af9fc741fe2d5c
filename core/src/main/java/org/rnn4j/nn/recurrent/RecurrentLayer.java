package org.rnn4j.nn.recurrent;

import org.rnn4j.autograd.Var;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.Parameter;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/**
 * What {@link RNN}, {@link LSTM} and {@link GRU} share (PyTorch's {@code RNNBase}): parameters named
 * and ordered as PyTorch's state_dict ({@code weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0,
 * weight_hr_l0, …_reverse}, layer by layer, forward direction first), initialised U(−1/√H, 1/√H), input
 * checks, and {@code forward(x, state)} over padded or packed input through one fused node per
 * layer-direction. Code that holds a layer never needs to know which kind it is:
 *
 * <pre>{@code
 * RecurrentLayer rnn = RecurrentLayer.create(CellKind.GRU, 100, 256, RecurrentOptions.DEFAULTS.withBatchFirst(true), new Rng(1));
 * RecurrentOutput<Var> r = rnn.forward(x);        // x [B, T, 100]: r.out() [B, T, 256], r.hN() [1, B, 256]
 * RecurrentOutput<Var> next = rnn.forward(x2, r.state().detach());
 * }</pre>
 */
public abstract sealed class RecurrentLayer extends Module permits RNN, LSTM, GRU {
    private final CellKind kind;
    private final int inputSize;
    private final int hiddenSize;
    private final RecurrentOptions options;
    private final Parameter[][] params; // [layer·D + direction][w_ih, w_hh, b_ih, b_hh, w_hr]
    private final Rng dropoutRng;

    RecurrentLayer(CellKind kind, int inputSize, int hiddenSize, RecurrentOptions options, Rng rng) {
        String name = kind.moduleName();
        if (inputSize <= 0 || hiddenSize <= 0) {
            throw new IllegalArgumentException(name + ": input_size and hidden_size must be greater than zero, got "
                    + inputSize + " and " + hiddenSize);
        }
        if (options.projSize() > 0 && kind != CellKind.LSTM) {
            throw new IllegalArgumentException(name + ": proj_size argument is only supported for LSTM, not RNN or GRU");
        }
        if (options.projSize() >= hiddenSize) {
            throw new IllegalArgumentException(name + ": proj_size has to be smaller than hidden_size, got proj_size "
                    + options.projSize() + " and hidden_size " + hiddenSize);
        }
        this.kind = kind;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.options = options;
        int dirs = options.numDirections();
        int gh = kind.gates() * hiddenSize;
        int p = outputSize();
        params = new Parameter[options.numLayers() * dirs][5];
        for (int l = 0; l < options.numLayers(); l++) {
            for (int d = 0; d < dirs; d++) {
                String sfx = "_l" + l + (d == 1 ? "_reverse" : "");
                int in = l == 0 ? inputSize : dirs * p;
                Parameter[] slot = params[l * dirs + d];
                slot[0] = registerParameter("weight_ih" + sfx, new Parameter(Tensor.zeros(gh, in)));
                slot[1] = registerParameter("weight_hh" + sfx, new Parameter(Tensor.zeros(gh, p)));
                if (options.bias()) {
                    slot[2] = registerParameter("bias_ih" + sfx, new Parameter(Tensor.zeros(gh)));
                    slot[3] = registerParameter("bias_hh" + sfx, new Parameter(Tensor.zeros(gh)));
                }
                if (options.projSize() > 0) {
                    slot[4] = registerParameter("weight_hr" + sfx, new Parameter(Tensor.zeros(p, hiddenSize)));
                }
            }
        }
        resetParameters(rng);
        this.dropoutRng = rng.split();
    }

    /** A layer of {@code kind} with PyTorch's constructor arguments; {@code rng} draws the parameters, a child of it drives dropout. */
    public static RecurrentLayer create(CellKind kind, int inputSize, int hiddenSize, RecurrentOptions options, Rng rng) {
        return kind.newLayer(inputSize, hiddenSize, options, rng);
    }

    /** Re-draws every parameter from U(−1/√H, 1/√H), in state_dict order, as PyTorch's {@code reset_parameters}. */
    public final void resetParameters(Rng rng) {
        float k = (float) (1.0 / Math.sqrt(hiddenSize));
        for (Parameter p : parameters()) {
            rng.fillUniform(p.value().data(), -k, k);
        }
    }

    public final CellKind kind() {
        return kind;
    }

    public final int inputSize() {
        return inputSize;
    }

    public final int hiddenSize() {
        return hiddenSize;
    }

    public final RecurrentOptions options() {
        return options;
    }

    /** P: the width of h and of each direction's output (proj_size if set, else hidden_size). */
    public final int outputSize() {
        return options.projSize() > 0 ? options.projSize() : hiddenSize;
    }

    /** Runs from zero states over a padded batch x [T, B, I] / [B, T, I] (batch_first) / [T, I] (unbatched). */
    public final RecurrentOutput<Var> forward(Var x) {
        return forward(x, null);
    }

    /**
     * Runs over a padded batch x [T, B, I] / [B, T, I] (batch_first) / [T, I] (unbatched) from {@code state}
     * ({@code null} = zeros): h [L·D, B, P], and c [L·D, B, H] for the LSTM ([L·D, ·] when unbatched).
     */
    public final RecurrentOutput<Var> forward(Var x, RecurrentState state) {
        Var h0 = initialH(state);
        Var c0 = initialC(state);
        String name = kind.moduleName();
        int rank = x.shape().rank();
        if (rank != 2 && rank != 3) {
            throw new IllegalArgumentException(name + ": expected input to be 2-D (unbatched) or 3-D (batched), got "
                    + rank + "-D input of shape " + x.shape());
        }
        checkInputWidth(x.shape());
        boolean batched = rank == 3;
        boolean bf = batched && options.batchFirst();
        int steps = bf ? x.shape().dim(1) : x.shape().dim(0);
        int batch = !batched ? 1 : bf ? x.shape().dim(0) : x.shape().dim(1);
        if (steps == 0 || batch == 0) {
            throw new IllegalArgumentException(name + ": expected a sequence of at least one step and a batch of at least one, "
                    + "got input of shape " + x.shape());
        }
        checkState("h0", h0, batched, batch, outputSize());
        checkState("c0", c0, batched, batch, hiddenSize);
        Var rows = bf ? Glue.timeMajor(x, batch, steps, inputSize) : x;
        Var[] fused = stack(rows, StepLayout.uniform(steps, batch), h0, c0);

        int n = steps * batch;
        int dirs = options.numDirections();
        int p = outputSize();
        int[] rowOf = null;
        if (bf) {
            rowOf = Workspace.ints(n); // [T·B]: time-major row r → batch-first row
            for (int t = 0; t < steps; t++) {
                for (int b = 0; b < batch; b++) {
                    rowOf[t * batch + b] = b * steps + t;
                }
            }
        }
        Shape outShape = !batched ? Shape.of(steps, dirs * p)
                : bf ? Shape.of(batch, steps, dirs * p) : Shape.of(steps, batch, dirs * p);
        Var out = Glue.concatRows(lastLayer(fused), n, p, rowOf, outShape);
        return new RecurrentOutput<>(out, states(fused, n, batch, null, batched));
    }

    /** Runs over packed sequences from zero states. */
    public final RecurrentOutput<PackedSequence> forward(PackedSequence x) {
        return forward(x, null);
    }

    /** Runs over packed sequences; {@code state} ({@code null} = zeros) and the result are in the original batch order. */
    public final RecurrentOutput<PackedSequence> forward(PackedSequence x, RecurrentState state) {
        Var h0 = initialH(state);
        Var c0 = initialC(state);
        Shape ds = x.data().shape();
        if (ds.rank() != 2) {
            throw new IllegalArgumentException(kind.moduleName() + ": expected packed data of shape [N, " + inputSize
                    + "], got " + ds);
        }
        checkInputWidth(ds);
        int batch = x.batchSize();
        checkState("h0", h0, true, batch, outputSize());
        checkState("c0", c0, true, batch, hiddenSize);
        int[] sorted = x.sortedIndices();
        int layers = params.length;
        if (!x.isSorted()) {
            h0 = h0 == null ? null : Glue.permuteBatch(h0, layers, batch, outputSize(), sorted);
            c0 = c0 == null ? null : Glue.permuteBatch(c0, layers, batch, hiddenSize, sorted);
        }
        StepLayout layout = x.layout();
        Var[] fused = stack(x.data(), layout, h0, c0);
        int n = layout.rows();
        int dirs = options.numDirections();
        Var data = Glue.concatRows(lastLayer(fused), n, outputSize(), null, Shape.of(n, dirs * outputSize()));
        return new RecurrentOutput<>(x.withData(data), states(fused, n, batch, x.isSorted() ? null : x.unsortedIndices(), true));
    }

    /** h0 of {@code state}, checked to be the state type of this kind. */
    private Var initialH(RecurrentState state) {
        if (state == null) {
            return null;
        }
        if (kind.hasCell() && !(state instanceof LstmState)) {
            throw new IllegalArgumentException(kind.moduleName() + ": expected a state (h, c), got h only");
        }
        if (!kind.hasCell() && state instanceof LstmState) {
            throw new IllegalArgumentException(kind.moduleName() + ": got an LSTM state (h, c); expected h only");
        }
        return state.h();
    }

    private static Var initialC(RecurrentState state) {
        return state instanceof LstmState s ? s.c() : null;
    }

    private Var[] stack(Var rows, StepLayout layout, Var h0, Var c0) {
        LayerWeights[] w = new LayerWeights[params.length];
        for (int i = 0; i < params.length; i++) {
            Parameter[] s = params[i];
            w[i] = new LayerWeights(s[0], s[1], s[2], s[3], s[4]);
        }
        double p = isTraining() ? options.dropout() : 0.0;
        return RecurrentStack.run(kind, w, options.numLayers(), options.numDirections(), rows, inputSize, layout,
                h0, c0, p, dropoutRng);
    }

    private Var[] lastLayer(Var[] fused) {
        int dirs = options.numDirections();
        Var[] last = new Var[dirs];
        System.arraycopy(fused, fused.length - dirs, last, 0, dirs);
        return last;
    }

    /** h_n [L·D, B, P] and c_n [L·D, B, H] (2-D when unbatched), rows gathered back by {@code perm}. */
    private RecurrentState states(Var[] fused, int n, int batch, int[] perm, boolean batched) {
        int p = outputSize();
        int k = fused.length;
        Var hN = Glue.stackStates("h_n", fused, n * p, batch, p, perm,
                batched ? Shape.of(k, batch, p) : Shape.of(k, p));
        if (!kind.hasCell()) {
            return new HiddenState(hN);
        }
        Var cN = Glue.stackStates("c_n", fused, n * p + batch * p, batch, hiddenSize, perm,
                batched ? Shape.of(k, batch, hiddenSize) : Shape.of(k, hiddenSize));
        return new LstmState(hN, cN);
    }

    /** PyTorch's {@code RNNBase.extra_repr}: sizes, then each option that differs from its default. */
    @Override
    protected String extraRepr() {
        StringBuilder s = new StringBuilder().append(inputSize).append(", ").append(hiddenSize);
        if (options.projSize() != 0) {
            s.append(", proj_size=").append(options.projSize());
        }
        if (options.numLayers() != 1) {
            s.append(", num_layers=").append(options.numLayers());
        }
        if (!options.bias()) {
            s.append(", bias=False");
        }
        if (options.batchFirst()) {
            s.append(", batch_first=True");
        }
        if (options.dropout() != 0) {
            s.append(", dropout=").append(pyFloat(options.dropout()));
        }
        if (options.bidirectional()) {
            s.append(", bidirectional=True");
        }
        return s.toString();
    }

    private void checkInputWidth(Shape s) {
        int last = s.dim(-1);
        if (last != inputSize) {
            throw new IllegalArgumentException(kind.moduleName() + ": expected input of size " + inputSize
                    + " in the last dimension, got " + last + " (input shape " + s + ")");
        }
    }

    private void checkState(String what, Var state, boolean batched, int batch, int width) {
        if (state == null) {
            return;
        }
        int k = params.length;
        Shape expected = batched ? Shape.of(k, batch, width) : Shape.of(k, width);
        if (!state.shape().equals(expected)) {
            throw new IllegalArgumentException(kind.moduleName() + ": expected " + what + " of shape " + expected
                    + (batched ? "" : " for unbatched 2-D input") + ", got " + state.shape());
        }
    }
}
