package org.rnn4j.train;

import org.rnn4j.loss.MSELoss;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.optim.Adam;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Tensor;

/**
 * The classic sine-wave tutorial as one call: a recurrent layer ({@code RNN(1, 16, batch_first=True)}
 * by default) + {@code Linear(16, 1)}, recurrent parameters re-drawn from normal(0, 0.001), Adam
 * lr 0.01, MSE, on windows {@code sin(linspace(s, s+10, 50))} with s drawn uniformly from {0, 1, 2};
 * input {@code x[:-1]}, target {@code x[1:]}, the hidden state carried between iterations and
 * detached. Then a 49-step autoregressive prediction from the first point of a test window, starting
 * from the hidden state left by training, each prediction fed back.
 *
 * <pre>{@code
 * SineTutorial.Result r = SineTutorial.run(SineTutorial.Config.defaults(), TrainingListener.none());
 * r.finalLoss();      // mean loss of the last 100 iterations
 * r.predictionMse();  // MSE of the 49 predictions against the true curve
 * }</pre>
 */
public final class SineTutorial {
    /** Training windows start at 0, 1, ..., TRAIN_STARTS - 1. */
    public static final int TRAIN_STARTS = 3;
    /** {@link Result#finalLoss()} averages this many last iterations (all of them when fewer). */
    public static final int FINAL_LOSS_ITERATIONS = 100;

    private SineTutorial() {
    }

    /**
     * @param cell        recurrent cell (the tutorial: {@link CellKind#RNN_TANH})
     * @param hiddenSize  hidden units (16)
     * @param iterations  optimizer steps, one window each (6000)
     * @param lr          Adam learning rate (0.01)
     * @param initStd     std of the normal re-initialisation of the recurrent parameters (0.001)
     * @param seed        drives the initial parameters, the window order and the test start
     * @param testStart   where the test window starts
     */
    public record Config(CellKind cell, int hiddenSize, int iterations, double lr, double initStd, long seed,
                         TestStart testStart) {
        public Config {
            if (cell == null || testStart == null) {
                throw new IllegalArgumentException("sine tutorial: cell and testStart must be given");
            }
            if (hiddenSize < 1) {
                throw new IllegalArgumentException("sine tutorial: hidden size must be at least 1, got " + hiddenSize);
            }
            if (iterations < 1) {
                throw new IllegalArgumentException("sine tutorial: iterations must be at least 1, got " + iterations);
            }
            if (!(lr > 0)) {
                throw new IllegalArgumentException("sine tutorial: learning rate must be positive, got " + lr);
            }
            if (!(initStd >= 0)) {
                throw new IllegalArgumentException("sine tutorial: init std must be >= 0, got " + initStd);
            }
        }

        /** The tutorial's settings, seed 42, a fresh test start ({@link TestStart#fresh()}). */
        public static Config defaults() {
            return new Config(CellKind.RNN_TANH, 16, 6000, 0.01, 0.001, 42, TestStart.fresh());
        }

        public Config withCell(CellKind c) {
            return new Config(c, hiddenSize, iterations, lr, initStd, seed, testStart);
        }

        public Config withHiddenSize(int h) {
            return new Config(cell, h, iterations, lr, initStd, seed, testStart);
        }

        public Config withIterations(int n) {
            return new Config(cell, hiddenSize, n, lr, initStd, seed, testStart);
        }

        public Config withLr(double v) {
            return new Config(cell, hiddenSize, iterations, v, initStd, seed, testStart);
        }

        public Config withSeed(long s) {
            return new Config(cell, hiddenSize, iterations, lr, initStd, s, testStart);
        }

        public Config withTestStart(TestStart t) {
            return new Config(cell, hiddenSize, iterations, lr, initStd, seed, t);
        }
    }

    /** Where the test window starts: drawn from the seeded generator, or fixed. */
    public sealed interface TestStart {
        /** Uniform in [lo, hi) from the run's seeded generator (after training). */
        record Uniform(double lo, double hi) implements TestStart {
            public Uniform {
                if (!(hi > lo)) {
                    throw new IllegalArgumentException("sine tutorial: test start range [" + lo + ", " + hi + ") is empty");
                }
            }
        }

        /** Always {@code value}. */
        record Fixed(double value) implements TestStart {
        }

        /**
         * A window training never saw: its start is uniform in [0, 2), the range the training starts
         * 0, 1, 2 span, so (almost surely) it is none of them, yet its phase lies between phases the
         * model was trained on.
         */
        static TestStart fresh() {
            return new Uniform(0, TRAIN_STARTS - 1);
        }
    }

    /**
     * @param losses        every iteration's loss, computed before its optimizer step
     * @param testStart     the test window's start s
     * @param testWindow    {@code sin(linspace(s, s+10, 50))}
     * @param predictions   the 49 autoregressive predictions of {@code testWindow[1..49]}
     * @param predictionMse mean squared error of the predictions against {@code testWindow[1..49]}
     * @param model         the trained model
     */
    public record Result(Config config, float[] losses, double testStart, float[] testWindow, float[] predictions,
                         double predictionMse, SequenceRegressor model) {

        /** The last iteration's loss. */
        public float lastLoss() {
            return losses[losses.length - 1];
        }

        /** Mean loss of the last {@value #FINAL_LOSS_ITERATIONS} iterations (robust to one lucky window). */
        public double finalLoss() {
            int n = Math.min(FINAL_LOSS_ITERATIONS, losses.length);
            double s = 0;
            for (int i = losses.length - n; i < losses.length; i++) {
                s += losses[i];
            }
            return s / n;
        }
    }

    /** Trains and predicts as described above; progress goes to {@code listener}. */
    public static Result run(Config config, TrainingListener listener) {
        org.rnn4j.kernel.Kernels.prepare(); // compiler directives and GEMM warm-up, once per process
        Rng rng = new Rng(config.seed());
        Rng init = rng.split();
        Rng data = rng.split();
        SequenceRegressor model = SequenceRegressor.of(config.cell(), 1, config.hiddenSize(), 1, init)
                .initRecurrentNormal(config.initStd(), init);
        Adam adam = new Adam(model.parameters(), Adam.Options.defaults().withLr(config.lr()));
        SequenceTrainer trainer = new SequenceTrainer(model, adam, new MSELoss());

        int steps = SineWindows.POINTS - 1;
        Tensor[] inputs = new Tensor[TRAIN_STARTS];
        Tensor[] targets = new Tensor[TRAIN_STARTS];
        for (int s = 0; s < TRAIN_STARTS; s++) {
            float[] w = SineWindows.window(s);
            inputs[s] = model.sequence(w, 0, steps);  // x[:-1] [1, 49, 1]
            targets[s] = model.sequence(w, 1, steps); // x[1:]
        }
        float[] losses = new float[config.iterations()];
        for (int it = 0; it < losses.length; it++) {
            int s = data.nextInt(TRAIN_STARTS);
            losses[it] = trainer.step(inputs[s], targets[s]);
            listener.iteration(it + 1, losses.length, losses[it]);
        }

        double start = config.testStart() instanceof TestStart.Uniform u
                ? u.lo() + (u.hi() - u.lo()) * data.nextDouble()
                : ((TestStart.Fixed) config.testStart()).value();
        float[] test = SineWindows.window(start);
        float[] pred = model.predictAutoregressive(new float[] {test[0]}, steps, trainer.state()).predictions().data();
        double se = 0;
        for (int i = 0; i < steps; i++) {
            double d = (double) pred[i] - test[i + 1];
            se += d * d;
        }
        return new Result(config, losses, start, test, pred, se / steps, model);
    }
}
