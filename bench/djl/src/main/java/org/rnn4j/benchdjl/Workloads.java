package org.rnn4j.benchdjl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The workloads of bench/pytorch/bench_torch.py (shared BENCHMARKS.md), same models, shapes,
 * losses, optimizer settings, chunk sizes and warm-ups; the arithmetic is PyTorch's own ops.
 */
final class Workloads {

    private Workloads() {}

    /** One step; returns the array whose value is consumed after the last step of a chunk. */
    interface Step {
        NDArray run();
    }

    /** A workload as bench_torch.py's make_* returns it, plus a description for --check. */
    record Workload(Step step, double items, String unit, int chunk, int warm, String shapes) {}

    static final Map<String, Function<NDManager, Workload>> ALL = new TreeMap<>();

    /** --check sets this for one step: the steps then print the shapes of their tensors. */
    static boolean trace;

    private static NDArray t(String name, NDArray x) {
        if (trace) {
            System.out.println("CHECK   " + name + " " + x.getShape() + " " + x.getDataType());
        }
        return x;
    }

    static {
        ALL.put("W1", Workloads::w1);
        ALL.put("W2", Workloads::w2);
        ALL.put("W3", m -> w3(m, Nn.Cell.LSTM));
        ALL.put("W3g", m -> w3(m, Nn.Cell.GRU));
        ALL.put("W4b1", m -> w4(m, 1));
        ALL.put("W4b32", m -> w4(m, 32));
        ALL.put("W5train", Workloads::w5train);
        ALL.put("W5sample", Workloads::w5sample);
        ALL.put("PEAK", Workloads::peak);
    }

    private static void seed(int s) {
        Engine.getInstance().setRandomSeed(s); // torch::manual_seed + DJL's own RNG
    }

    /** A training step: zero_grad (done by the previous Adam update), forward, loss, backward, Adam. */
    private static NDArray trainStep(Nn.TorchAdam opt, java.util.function.Supplier<NDArray> lossFn) {
        NDArray loss;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            loss = lossFn.get();
            gc.backward(loss);
        }
        opt.step();
        return loss;
    }

    /** Training steps over the (x, y) batches in turn, as the script's {@code batches[i % 4]}. */
    private static Step cycling(List<NDArray[]> batches, Nn.TorchAdam opt, Function<NDArray[], NDArray> loss) {
        int[] i = {0};
        return () -> {
            NDArray[] xy = batches.get(i[0]++ % batches.size());
            return trainStep(opt, () -> loss.apply(xy));
        };
    }

    private static NDList concat(NDList... lists) {
        NDList all = new NDList();
        for (NDList l : lists) {
            all.addAll(l);
        }
        return all;
    }

    /** W1 sine: RNN(1,16) + Linear(16,1), batch 1, seq 49, MSE, Adam lr 0.01. */
    static Workload w1(NDManager m) {
        seed(1);
        Nn.Recurrent rnn = new Nn.Recurrent(m, Nn.Cell.RNN_TANH, 1, 16, 1, false, true);
        Nn.Linear fc = new Nn.Linear(m, 16, 1);
        Nn.TorchAdam opt = new Nn.TorchAdam(concat(rnn.params, fc.params()), 0.01f);
        List<NDArray> xs = new ArrayList<>();
        List<NDArray> ys = new ArrayList<>();
        for (int k = 0; k < 64; k++) { // 64 fixed windows, cycled
            double phase = k * 2.0 * Math.PI / 64.0;
            float[] s = new float[50];
            for (int j = 0; j < 50; j++) {
                s[j] = (float) Math.sin(phase + Math.PI * j / 49.0); // linspace(phase, phase+pi, 50)
            }
            float[] x = new float[49];
            float[] y = new float[49];
            System.arraycopy(s, 0, x, 0, 49);
            System.arraycopy(s, 1, y, 0, 49);
            xs.add(m.create(x, new Shape(1, 49, 1)));
            ys.add(m.create(y, new Shape(1, 49, 1)));
        }
        int[] i = {0};
        Step step = () -> {
            int k = i[0]++ % 64;
            return trainStep(opt, () -> {
                NDArray out = t("rnn out", rnn.forward(t("x", xs.get(k)), null, true).get(0));
                return Nn.mse(t("pred", fc.forward(out)), t("y", ys.get(k)));
            });
        };
        return new Workload(step, 1, "steps/s", 2000, 300,
                "x (1,49,1) -> RNN out (1,49,16) -> Linear (1,49,1); MSE vs y (1,49,1)");
    }

    /** W2 dna: one-hot(4) -> biLSTM(4,128,2 layers) -> cat(h_n fwd, bwd of last layer) -> Linear(256,2). */
    static Workload w2(NDManager m) {
        seed(2);
        Nn.Recurrent lstm = new Nn.Recurrent(m, Nn.Cell.LSTM, 4, 128, 2, true, true);
        Nn.Linear fc = new Nn.Linear(m, 256, 2);
        Nn.TorchAdam opt = new Nn.TorchAdam(concat(lstm.params, fc.params()), 1e-3f);
        seed(22);
        List<NDArray[]> batches = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            NDArray bases = m.randomInteger(0, 4, new Shape(64, 200), DataType.INT64);
            NDArray x = bases.oneHot(4).toType(DataType.FLOAT32, false); // (64, 200, 4)
            NDArray y = m.randomInteger(0, 2, new Shape(64), DataType.INT64);
            batches.add(new NDArray[] {x, y});
        }
        Step step = cycling(batches, opt, xy -> {
            NDArray h = t("h_n", lstm.forward(t("x", xy[0]), null, true).get(1));
            NDArray feat = t("cat(h[-2],h[-1])", h.get(2).concat(h.get(3), 1));
            return Nn.crossEntropy(t("logits", fc.forward(feat)), t("y", xy[1]));
        });
        return new Workload(step, 64, "seq/s", 3, 1,
                "x (64,200,4) one-hot -> biLSTM h_n (4,64,128) -> cat(h[2],h[3]) (64,256) -> logits (64,2)");
    }

    /** W3 text: Embedding(20000,100) -> LSTM/GRU(100,256,2 layers) -> Linear(256,2) on h_n[-1]. */
    static Workload w3(NDManager m, Nn.Cell cell) {
        seed(3);
        Nn.Embedding emb = new Nn.Embedding(m, 20000, 100);
        Nn.Recurrent rnn = new Nn.Recurrent(m, cell, 100, 256, 2, false, true);
        Nn.Linear fc = new Nn.Linear(m, 256, 2);
        Nn.TorchAdam opt =
                new Nn.TorchAdam(concat(new NDList(emb.weight), rnn.params, fc.params()), 1e-3f);
        seed(33);
        List<NDArray[]> batches = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            NDArray x = m.randomInteger(0, 20000, new Shape(64, 100), DataType.INT64);
            NDArray y = m.randomInteger(0, 2, new Shape(64), DataType.INT64);
            batches.add(new NDArray[] {x, y});
        }
        Step step = cycling(batches, opt, xy -> {
            NDArray e = t("emb", emb.forward(t("ids", xy[0])));
            NDArray h = t("h_n", rnn.forward(e, null, true).get(1));
            return Nn.crossEntropy(t("logits", fc.forward(t("h[-1]", h.get(1)))), t("y", xy[1]));
        });
        return new Workload(step, 64, "seq/s", 3, 1,
                "ids (64,100) -> emb (64,100,100) -> " + cell + " h_n (2,64,256) -> h[-1] -> logits (64,2)");
    }

    /** W4 inference: LSTM(256,512,2 layers), seq-first input (100, batch, 256), forward only, no grad. */
    static Workload w4(NDManager m, int batch) {
        seed(4);
        Nn.Recurrent lstm = new Nn.Recurrent(m, Nn.Cell.LSTM, 256, 512, 2, false, false);
        seed(44);
        NDArray x = m.randomNormal(new Shape(100, batch, 256));
        // grad mode is off outside a GradientCollector (DJL's PyTorch engine starts with it off)
        Step step = () -> t("out", lstm.forward(t("x", x), null, false).get(0));
        String shapes = "x (100," + batch + ",256) -> out (100," + batch + ",512)";
        if (batch == 1) {
            return new Workload(step, 1, "seq/s", 30, 5, shapes);
        }
        return new Workload(step, batch, "seq/s", 6, 1, shapes);
    }

    /** The char LM of W5: Embedding(96,64) -> LSTM(64,512,1 layer, batch_first) -> Linear(512,96). */
    private static final class CharLm {
        final Nn.Embedding emb;
        final Nn.Recurrent lstm;
        final Nn.Linear fc;

        CharLm(NDManager m) {
            emb = new Nn.Embedding(m, 96, 64);
            lstm = new Nn.Recurrent(m, Nn.Cell.LSTM, 64, 512, 1, false, true);
            fc = new Nn.Linear(m, 512, 96);
        }

        /** Returns (logits, h_n, c_n). */
        NDList forward(NDArray ids, NDList state, boolean training) {
            NDList r = lstm.forward(emb.forward(ids), state, training);
            return new NDList(fc.forward(r.get(0)), r.get(1), r.get(2));
        }

        NDList params() {
            return concat(new NDList(emb.weight), lstm.params, fc.params());
        }
    }

    /** W5 char LM training: ids (32,128) in [0,96); targets = next char; CE over all 4096 positions; Adam 2e-3. */
    static Workload w5train(NDManager m) {
        seed(5);
        CharLm model = new CharLm(m);
        Nn.TorchAdam opt = new Nn.TorchAdam(model.params(), 2e-3f);
        seed(55);
        List<NDArray[]> batches = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            long[] seq = m.randomInteger(0, 96, new Shape(32, 129), DataType.INT64).toLongArray();
            long[] x = new long[32 * 128];
            long[] y = new long[32 * 128];
            for (int r = 0; r < 32; r++) {
                System.arraycopy(seq, r * 129, x, r * 128, 128);
                System.arraycopy(seq, r * 129 + 1, y, r * 128, 128);
            }
            batches.add(new NDArray[] {m.create(x, new Shape(32, 128)), m.create(y, new Shape(32, 128))});
        }
        int[] i = {0};
        Step step = () -> {
            NDArray[] xy = batches.get(i[0]++ % 4);
            return trainStep(opt, () -> {
                NDArray logits = t("logits", model.forward(t("x", xy[0]), null, true).get(0));
                return Nn.crossEntropy(t("logits 2d", logits.reshape(-1, 96)), t("y", xy[1].reshape(-1)));
            });
        };
        return new Workload(step, 32 * 128, "tokens/s", 3, 1,
                "ids (32,128) -> emb (32,128,64) -> LSTM out (32,128,512) -> logits (4096,96); CE vs (4096,)");
    }

    /**
     * W5 sampling: batch 1, one token per call, (h,c) carried, softmax + one multinomial draw, no grad.
     * The draw is torch.multinomial's own one-sample path written out with torch ops (DJL's
     * PyTorch engine has no multinomial): argmax(probs / q) with q ~ Exp(1) = -log(U(0,1)).
     */
    static Workload w5sample(NDManager m) {
        seed(5);
        CharLm model = new CharLm(m);
        seed(56);
        NDArray[] tok = {m.zeros(new Shape(1, 1), DataType.INT64)};
        NDList[] state = {null};
        Step step = () -> {
            NDList r = model.forward(tok[0], state[0], false);
            t("tok", tok[0]);
            NDArray logits = t("logits[:, -1, :]", r.get(0).get(":, -1, :"));
            NDArray probs = t("probs", logits.softmax(-1));
            NDArray q = m.randomUniform(0f, 1f, probs.getShape()).log().neg();
            NDArray next = probs.div(q).argMax(-1).reshape(1, 1);
            NDList newState = new NDList(t("h", r.get(1)), t("c", r.get(2)));
            t("next", next);
            NDScope.unregister(next);
            NDScope.unregister(newState);
            tok[0].close();
            if (state[0] != null) {
                state[0].close();
            }
            tok[0] = next;
            state[0] = newState;
            return next;
        };
        return new Workload(step, 1, "tokens/s", 4000, 300,
                "tok (1,1) -> logits (1,1,96) -> probs (1,96) -> next (1,1); state h,c (1,1,512)");
    }

    /** Peak: C = A @ B, 2048x2048 float32. */
    static Workload peak(NDManager m) {
        int n = 2048;
        seed(7);
        NDArray a = m.randomUniform(0f, 1f, new Shape(n, n));
        NDArray b = m.randomUniform(0f, 1f, new Shape(n, n));
        Step step = () -> a.matMul(b);
        return new Workload(step, 2.0 * n * n * (double) n / 1e9, "GFLOP/s", 16, 2, "A,B (2048,2048)");
    }
}
