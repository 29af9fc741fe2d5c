package org.rnn4j.benchdjl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.recurrent.RNN;

import java.util.ArrayList;
import java.util.List;

/**
 * The few layers the workloads need, as thin calls into PyTorch's own ops through DJL's
 * {@code NDArrayEx}: torch::rnn_tanh / torch::lstm / torch::gru (flat weights, num_layers,
 * bidirectional, batch_first), torch::embedding, torch::nn::functional::linear. Parameters are
 * plain PtNDArrays (requires_grad for training) owned by one manager.
 */
final class Nn {

    private Nn() {}

    /** Which recurrent op. */
    enum Cell {
        RNN_TANH(1), LSTM(4), GRU(3);

        final int gates;

        Cell(int gates) {
            this.gates = gates;
        }
    }

    /** Parameters of torch.nn.RNN/LSTM/GRU in torch's flat order (per layer, per direction: w_ih, w_hh, b_ih, b_hh). */
    static final class Recurrent {
        final Cell cell;
        final int input;
        final int hidden;
        final int layers;
        final boolean bidirectional;
        final boolean batchFirst;
        final NDList params = new NDList();

        /** torch's reset_parameters(): every weight and bias ~ U(-1/sqrt(hidden), 1/sqrt(hidden)). */
        Recurrent(NDManager m, Cell cell, int input, int hidden, int layers, boolean bidirectional,
                  boolean batchFirst) {
            this.cell = cell;
            this.input = input;
            this.hidden = hidden;
            this.layers = layers;
            this.bidirectional = bidirectional;
            this.batchFirst = batchFirst;
            float k = (float) (1.0 / Math.sqrt(hidden));
            int dirs = bidirectional ? 2 : 1;
            int g = cell.gates * hidden;
            for (int l = 0; l < layers; l++) {
                int in = l == 0 ? input : hidden * dirs;
                for (int d = 0; d < dirs; d++) {
                    params.add(m.randomUniform(-k, k, new Shape(g, in)));
                    params.add(m.randomUniform(-k, k, new Shape(g, hidden)));
                    params.add(m.randomUniform(-k, k, new Shape(g)));
                    params.add(m.randomUniform(-k, k, new Shape(g)));
                }
            }
        }

        int dirs() {
            return bidirectional ? 2 : 1;
        }

        /** Zero initial state (what torch builds when hx is None): (layers*dirs, batch, hidden). */
        NDArray zeroState(NDManager m, long batch) {
            return m.zeros(new Shape((long) layers * dirs(), batch, hidden));
        }

        /**
         * One call of the fused op. Returns (output, h_n) for RNN/GRU and (output, h_n, c_n) for
         * LSTM. {@code state} is null for zero initial states, otherwise h (RNN/GRU) or h, c (LSTM).
         */
        NDList forward(NDArray x, NDList state, boolean training) {
            NDManager m = x.getManager();
            long batch = x.getShape().get(batchFirst ? 0 : 1);
            switch (cell) {
                case LSTM: {
                    NDList hx = state != null ? state : new NDList(zeroState(m, batch), zeroState(m, batch));
                    return x.getNDArrayInternal().lstm(x, hx, params, true, layers, 0.0, training,
                            bidirectional, batchFirst);
                }
                case GRU: {
                    NDArray h = state != null ? state.get(0) : zeroState(m, batch);
                    return x.getNDArrayInternal().gru(x, h, params, true, layers, 0.0, training,
                            bidirectional, batchFirst);
                }
                default: {
                    NDArray h = state != null ? state.get(0) : zeroState(m, batch);
                    return x.getNDArrayInternal().rnn(x, h, params, true, layers, RNN.Activation.TANH,
                            0.0, training, bidirectional, batchFirst);
                }
            }
        }
    }

    /** torch.nn.Linear: weight (out, in) and bias ~ U(-1/sqrt(in), 1/sqrt(in)) (kaiming_uniform(a=sqrt 5)). */
    static final class Linear {
        final NDArray weight;
        final NDArray bias;

        Linear(NDManager m, int in, int out) {
            float k = (float) (1.0 / Math.sqrt(in));
            weight = m.randomUniform(-k, k, new Shape(out, in));
            bias = m.randomUniform(-k, k, new Shape(out));
        }

        NDArray forward(NDArray x) {
            return x.getNDArrayInternal().linear(x, weight, bias).singletonOrThrow();
        }

        NDList params() {
            return new NDList(weight, bias);
        }
    }

    /** torch.nn.Embedding: weight ~ N(0, 1), dense gradient. */
    static final class Embedding {
        final NDArray weight;

        Embedding(NDManager m, int num, int dim) {
            weight = m.randomNormal(new Shape(num, dim));
        }

        NDArray forward(NDArray ids) {
            return ids.getNDArrayInternal()
                    .embedding(ids, weight, ai.djl.ndarray.types.SparseFormat.DENSE)
                    .singletonOrThrow();
        }
    }

    /**
     * Cross entropy with mean reduction, as nn.CrossEntropyLoss on (N, C) logits and (N,) int64
     * labels. Composed of torch ops: log_softmax(dim 1) -> gather(labels) -> mean -> neg (torch's
     * own module calls log_softmax -> nll_loss; same value, two more autograd nodes).
     */
    static NDArray crossEntropy(NDArray logits, NDArray labels) {
        NDArray logp = logits.logSoftmax(1);
        return logp.gather(labels.reshape(-1, 1), 1).mean().neg();
    }

    /** MSE with mean reduction, as nn.MSELoss: mean((pred - y)^2), composed of sub, square, mean. */
    static NDArray mse(NDArray pred, NDArray y) {
        return pred.sub(y).square().mean();
    }

    /**
     * Adam with torch.optim.Adam's arithmetic (no weight decay, no amsgrad), run by DJL's native
     * PyTorch kernel {@code adamUpdate} (the one behind DJL's {@code Optimizer.adam()}).
     *
     * <p>DJL's kernel computes {@code w -= lrc * m / (sqrt(v) + eps')} with {@code lrc =
     * lr*sqrt(1-b2^t)/(1-b1^t)}. DJL's own Adam passes eps' = eps, which puts epsilon inside the
     * bias correction (different from torch). torch.optim.Adam computes {@code w -= lr/(1-b1^t) *
     * m / (sqrt(v)/sqrt(1-b2^t) + eps)}, which equals the kernel's formula with eps' =
     * eps*sqrt(1-b2^t): that is what is passed here, so the update is torch's up to rounding. The
     * kernel zeroes each parameter's gradient in place after its update (torch 2.x's zero_grad()
     * sets it to None instead).
     */
    static final class TorchAdam {
        private final List<NDArray> params = new ArrayList<>();
        private final List<NDArray> means = new ArrayList<>();
        private final List<NDArray> vars = new ArrayList<>();
        private final float lr;
        private final float beta1 = 0.9f;
        private final float beta2 = 0.999f;
        private final double eps = 1e-8;
        private int t;

        TorchAdam(NDList ps, float lr) {
            this.lr = lr;
            for (NDArray p : ps) {
                p.setRequiresGradient(true);
                params.add(p);
                means.add(p.zerosLike());
                vars.add(p.zerosLike());
            }
        }

        void step() {
            t++;
            double bc1 = 1.0 - Math.pow(beta1, t);
            double bc2 = 1.0 - Math.pow(beta2, t);
            float lrc = (float) (lr * Math.sqrt(bc2) / bc1);
            float epsT = (float) (eps * Math.sqrt(bc2));
            for (int i = 0; i < params.size(); i++) {
                NDArray w = params.get(i);
                NDArray g = w.getGradient();
                w.getNDArrayInternal().adamUpdate(new NDList(w, g, means.get(i), vars.get(i)),
                        new NDList(w), lr, lrc, 0f, 1f, -1f, beta1, beta2, epsT, false, false);
            }
        }
    }
}
