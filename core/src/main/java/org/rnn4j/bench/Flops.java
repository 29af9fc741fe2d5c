package org.rnn4j.bench;

import org.rnn4j.nn.Linear;
import org.rnn4j.nn.recurrent.RecurrentLayer;
import org.rnn4j.nn.recurrent.RecurrentOptions;

/**
 * The FLOP accounting of the benchmark definition: matrix products only (element-wise gate math,
 * losses, embedding look-ups and optimizer updates are not counted), 2 FLOPs per multiply-add, and a
 * training step counted as 3 × its forward pass (forward, gradient of the input, gradient of the
 * weights).
 */
public final class Flops {
    /** Training = forward + two products of the same size in backward. */
    public static final int TRAINING_FACTOR = 3;

    private Flops() {
    }

    /**
     * Multiply-adds of one time step of one sequence through every layer and direction of
     * {@code layer}: per layer-direction {@code (in_l + P)·G·H} (input and recurrent products, G gates)
     * plus {@code H·P} for the LSTM projection when {@code proj_size = P > 0}; {@code in_0 = input_size},
     * {@code in_l = D·P} above.
     */
    public static long recurrentMacsPerStep(RecurrentLayer layer) {
        RecurrentOptions o = layer.options();
        int gates = layer.kind().gates();
        long h = layer.hiddenSize();
        long p = o.projSize() > 0 ? o.projSize() : h;
        int dirs = o.numDirections();
        long total = 0;
        for (int l = 0; l < o.numLayers(); l++) {
            long in = l == 0 ? layer.inputSize() : dirs * p;
            long perDirection = (in + p) * gates * h + (o.projSize() > 0 ? h * p : 0);
            total += dirs * perDirection;
        }
        return total;
    }

    /** Multiply-adds of one row through {@code linear}: in_features · out_features. */
    public static long linearMacs(Linear linear) {
        return (long) linear.inFeatures() * linear.outFeatures();
    }

    /** FLOPs of a forward pass of {@code macs} multiply-adds: 2 each. */
    public static double forward(long macs) {
        return 2.0 * macs;
    }

    /** FLOPs of a training step whose forward pass has {@code macs} multiply-adds: 3 × forward. */
    public static double training(long macs) {
        return TRAINING_FACTOR * forward(macs);
    }
}
