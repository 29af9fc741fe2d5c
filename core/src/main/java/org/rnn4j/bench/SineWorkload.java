package org.rnn4j.bench;

import org.rnn4j.autograd.Var;
import org.rnn4j.loss.MSELoss;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.recurrent.RNN;
import org.rnn4j.nn.recurrent.Nonlinearity;
import org.rnn4j.nn.recurrent.RecurrentOptions;
import org.rnn4j.optim.Adam;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/**
 * W1 sine: {@code RNN(1→16, tanh, batch_first) → Linear(16→1)} on every step, batch 1, seq 49, MSE
 * (mean), Adam lr 0.01. 64 fixed windows cycled: window k has phase φ = 2πk/64 and points
 * t_j = φ + πj/49 (j = 0..49); x = sin(t_0..t_48), y = sin(t_1..t_49). Small enough that every scale
 * runs it at full size.
 */
final class SineWorkload extends TrainingWorkload {
    static final int WINDOWS = 64;
    static final int SEQ = 49;
    static final int HIDDEN = 16;
    static final long SEED = 1;

    /** The module tree, named like the PyTorch script's {@code SineRNN}. */
    static final class SineRnn extends Module {
        final RNN rnn;
        final Linear fc;

        SineRnn(Rng rng) {
            rnn = registerModule("rnn", new RNN(1, HIDDEN, Nonlinearity.TANH,
                    RecurrentOptions.DEFAULTS.withBatchFirst(true), rng));
            fc = registerModule("fc", new Linear(HIDDEN, 1, rng));
        }

        Var forward(Var x) {
            return fc.forward(rnn.forward(x).out()); // [1, 49, 16] → [1, 49, 1]
        }
    }

    private final SineRnn model;
    private final MSELoss loss = new MSELoss();
    private final Var[] xs = new Var[WINDOWS];
    private final Tensor[] ys = new Tensor[WINDOWS];

    private SineWorkload(SineRnn model) {
        super(new Adam(model.parameters(), Adam.Options.defaults().withLr(0.01)), WINDOWS);
        this.model = model;
        for (int k = 0; k < WINDOWS; k++) {
            float[] s = window(k);
            float[] x = new float[SEQ];
            float[] y = new float[SEQ];
            System.arraycopy(s, 0, x, 0, SEQ);
            System.arraycopy(s, 1, y, 0, SEQ);
            xs[k] = Var.constant(Tensor.wrap(Shape.of(1, SEQ, 1), x));
            ys[k] = Tensor.wrap(Shape.of(1, SEQ, 1), y);
        }
    }

    static SineWorkload create() {
        return new SineWorkload(new SineRnn(new Rng(SEED)));
    }

    /** sin(t_0..t_49) of window k, computed in double and rounded to float like the script. */
    static float[] window(int k) {
        double phase = k * 2.0 * Math.PI / WINDOWS;
        float[] s = new float[SEQ + 1];
        for (int j = 0; j <= SEQ; j++) {
            s[j] = (float) Math.sin(phase + Math.PI * j / SEQ);
        }
        return s;
    }

    SineRnn model() {
        return model;
    }

    @Override
    Var loss(int index) {
        return loss.forward(model.forward(xs[index]), ys[index]);
    }

    @Override
    public BenchWorkload id() {
        return BenchWorkload.W1;
    }

    @Override
    public int itemsPerStep() {
        return 1;
    }

    /** Per step: 49 time steps of RNN and Linear, × 3 for training. */
    @Override
    public double flopsPerItem() {
        return Flops.training(SEQ * (Flops.recurrentMacsPerStep(model.rnn) + Flops.linearMacs(model.fc)));
    }
}
