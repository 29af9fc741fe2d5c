package org.rnn4j.train;

import org.rnn4j.autograd.GradMode;
import org.rnn4j.autograd.Var;
import org.rnn4j.nn.Init;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.Parameter;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentLayer;
import org.rnn4j.nn.recurrent.RecurrentOptions;
import org.rnn4j.nn.recurrent.RecurrentOutput;
import org.rnn4j.nn.recurrent.RecurrentState;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/**
 * A recurrent layer followed by a linear head applied at every step: the sine tutorial's
 * {@code Net} ({@code rnn = RNN(1, 16, batch_first=True); linear = Linear(16, 1)}). Parameters are
 * named {@code rnn.*} and {@code linear.*}, as in PyTorch.
 *
 * <pre>{@code
 * var model = SequenceRegressor.of(CellKind.RNN_TANH, 1, 16, 1, new Rng(42));
 * SequenceRegressor.Step s = model.forward(x, null);   // x [1, T, 1] → s.prediction() [1, T, 1]
 * }</pre>
 */
public final class SequenceRegressor extends Module {
    private final RecurrentLayer rnn;
    private final Linear linear;

    /** What one call returns: the prediction for every step and the state after the last step. */
    public record Step(Var prediction, RecurrentState state) {
    }

    /** An autoregressive roll-out: predictions [steps, output_size] and the state after the last one. */
    public record Rollout(Tensor predictions, RecurrentState state) {
    }

    /** Wraps a built layer and head; the head's in_features must equal the layer's output width D·P. */
    public SequenceRegressor(RecurrentLayer rnn, Linear linear) {
        int width = rnn.options().numDirections() * rnn.outputSize();
        if (linear.inFeatures() != width) {
            throw new IllegalArgumentException("SequenceRegressor: linear in_features " + linear.inFeatures()
                    + " does not match the recurrent output width " + width);
        }
        this.rnn = registerModule("rnn", rnn);
        this.linear = registerModule("linear", linear);
    }

    /**
     * A one-layer, batch-first layer of {@code kind} (default init) and a {@code Linear(hidden, output)}
     * (default init), both drawn from {@code rng} in that order.
     */
    public static SequenceRegressor of(CellKind kind, int inputSize, int hiddenSize, int outputSize, Rng rng) {
        RecurrentLayer layer = RecurrentLayer.create(kind, inputSize, hiddenSize, RecurrentOptions.DEFAULTS.withBatchFirst(true), rng);
        return new SequenceRegressor(layer, new Linear(hiddenSize, outputSize, rng));
    }

    public RecurrentLayer rnn() {
        return rnn;
    }

    public Linear linear() {
        return linear;
    }

    /** Re-draws every recurrent parameter from normal(0, std), in state_dict order (the tutorial uses 0.001). */
    public SequenceRegressor initRecurrentNormal(double std, Rng rng) {
        for (Parameter p : rnn.parameters()) {
            Init.normal(p.value(), 0.0, std, rng);
        }
        return this;
    }

    /**
     * x [B, T, I] (batch_first) / [T, B, I] / [T, I] → prediction with the layer's layout and
     * output_size features, from {@code state} ({@code null} = zeros).
     */
    public Step forward(Var x, RecurrentState state) {
        RecurrentOutput<Var> r = rnn.forward(x, state);
        return new Step(linear.forward(r.out()), r.state());
    }

    /**
     * One single-feature sequence {@code values[from .. from+length)} as a batch of one in this
     * model's layout: [1, T, 1] when batch_first, else [T, 1, 1].
     */
    public Tensor sequence(float[] values, int from, int length) {
        if (from < 0 || length < 1 || from + length > values.length) {
            throw new IllegalArgumentException("sequence: range [" + from + ", " + (from + length) + ") is outside 0.."
                    + values.length);
        }
        float[] v = new float[length];
        System.arraycopy(values, from, v, 0, length);
        Shape s = rnn.options().batchFirst() ? Shape.of(1, length, 1) : Shape.of(length, 1, 1);
        return Tensor.wrap(s, v);
    }

    /**
     * Autoregressive prediction without gradients: feeds {@code first} (input_size values) as one
     * step from {@code state} ({@code null} = zeros), then each prediction back as the next input,
     * {@code steps} times. Needs output_size == input_size.
     */
    @SuppressWarnings("try") // the resource is a scope (workspace step, grad mode), never referenced
    public Rollout predictAutoregressive(float[] first, int steps, RecurrentState state) {
        int in = rnn.inputSize();
        if (linear.outFeatures() != in) {
            throw new IllegalArgumentException("predict_autoregressive: output size " + linear.outFeatures()
                    + " cannot be fed back as input of size " + in);
        }
        if (first.length != in) {
            throw new IllegalArgumentException("predict_autoregressive: first input has " + first.length
                    + " values, expected input_size " + in);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("predict_autoregressive: steps must be at least 1, got " + steps);
        }
        float[] out = new float[steps * in];
        RecurrentState h = state;
        try (var off = GradMode.disabled()) {
            Tensor inp = Tensor.wrap(Shape.of(1, 1, in), first.clone()); // [1, 1, I]: one step of a batch of one
            for (int t = 0; t < steps; t++) {
                Step s = forward(Var.constant(inp), h);
                h = s.state();
                float[] p = s.prediction().value().data();
                System.arraycopy(p, 0, out, t * in, in);
                inp = Tensor.wrap(Shape.of(1, 1, in), p.clone());
            }
        }
        return new Rollout(Tensor.wrap(Shape.of(steps, in), out), h);
    }
}
