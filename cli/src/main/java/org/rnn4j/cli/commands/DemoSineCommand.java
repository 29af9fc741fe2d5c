package org.rnn4j.cli.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.style.Styler;
import org.rnn4j.cli.BaseCommand;
import org.rnn4j.cli.CellKindOption;
import org.rnn4j.cli.Seeded;
import org.rnn4j.cli.VersionProvider;
import org.rnn4j.cli.ui.Plots;
import org.rnn4j.cli.ui.Progress;
import org.rnn4j.cli.ui.ProgressBars;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.train.SineTutorial;
import org.rnn4j.train.SineWindows;
import org.rnn4j.train.TrainingEvent;
import org.rnn4j.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code rnn4j demo sine}: the classic sine-wave RNN tutorial (library: {@link SineTutorial}). */
@Command(name = "sine", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"The classic sine-wave tutorial: RNN(input_size=1, hidden_size=16, batch_first=True) + "
                + "Linear(16, 1), RNN parameters drawn from normal(0, 0.001), Adam lr 0.01, MSE loss, 6000 iterations. "
                + "Each iteration takes the window sin(linspace(s, s+10, 50)) with s drawn from {0, 1, 2}, input x[:-1], "
                + "target x[1:], the hidden state carried from the previous iteration and detached.",
                "Then it predicts 49 steps autoregressively (each prediction fed back as the next input) from the first "
                + "point of a fresh window, starting from the hidden state left by training, and prints the MSE against "
                + "the true curve. Fresh means a window training never used: its start s is drawn uniformly from [0, 2) "
                + "with the seeded generator (set it with --test-start).",
                "The final training loss is the mean of the last 100 iterations' losses (the last one is shown too). "
                + "Results go to stdout; the loss every 100 iterations (a progress bar on a terminal) and the plot's "
                + "path to stderr."})
public final class DemoSineCommand extends BaseCommand implements Seeded {
    /** Where the plot goes when --plot is not given. */
    static final Path DEFAULT_PLOT = Path.of("sine.png");
    /** Iterations between two loss lines when stderr is not a terminal. */
    static final int LOG_EVERY = 100;

    private static final SineTutorial.Config DEFAULTS = SineTutorial.Config.defaults();

    @Option(names = "--cell", paramLabel = "KIND", converter = CellKindOption.class, completionCandidates = CellKindOption.Ids.class,
            description = "Recurrent cell: ${COMPLETION-CANDIDATES}; rnn = rnn_tanh (default: rnn).")
    CellKind cell = CellKind.RNN_TANH;

    @Option(names = "--hidden", converter = org.rnn4j.cli.OptionValues.Positive.class, paramLabel = "N", description = "Hidden units (default: ${DEFAULT-VALUE}).")
    int hidden = DEFAULTS.hiddenSize();

    @Option(names = "--iters", converter = org.rnn4j.cli.OptionValues.Positive.class, paramLabel = "N", description = "Training iterations, one window each (default: ${DEFAULT-VALUE}).")
    int iters = DEFAULTS.iterations();

    @Option(names = "--lr", converter = org.rnn4j.cli.OptionValues.PositiveReal.class, paramLabel = "X", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double lr = DEFAULTS.lr();

    @Option(names = "--test-start", paramLabel = "S", description = "Start of the prediction window (default: drawn uniformly from [0, 2)).")
    Double testStart;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Where to write the plot (default: ${DEFAULT-VALUE} in the current folder).")
    Path plot = DEFAULT_PLOT;

    @Override
    protected int execute() throws Exception {
        org.rnn4j.cli.OutputPaths.of(commandLine()).file("--plot", plot);
        if (hidden < 1 || iters < 1 || !(lr > 0)) {
            throw new ParameterException(commandLine(), "--hidden and --iters must be at least 1 and --lr "
                    + "positive, got " + hidden + ", " + iters + " and " + lr);
        }
        SineTutorial.Config config = DEFAULTS.withCell(cell).withHiddenSize(hidden).withIterations(iters).withLr(lr)
                .withSeed(common.seed())
                .withTestStart(testStart == null ? SineTutorial.TestStart.fresh() : new SineTutorial.TestStart.Fixed(testStart));
        info("training " + architecture(config) + ", Adam lr " + lr + ", " + iters + " iterations, seed " + common.seed());
        long t0 = System.nanoTime();
        SineTutorial.Result r;
        ProgressBars bars = progress();
        try (Progress bar = bars.start("sine", iters)) {
            r = SineTutorial.run(config, listener(bars.enabled(), bar));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        drawPlot(r);
        info(String.format(Locale.ROOT, "done in %.1f s; plot: %s", seconds, plot.toAbsolutePath().normalize()));
        print(r, seconds);
        return 0;
    }

    /** A progress bar on a terminal; otherwise one stderr line every {@value #LOG_EVERY} iterations (none if quiet). */
    private TrainingListener listener(boolean bar, Progress progress) {
        if (bar) {
            return new TrainingListener() {
                @Override
                public void stepEnded(TrainingEvent.StepEnded e) {
                    progress.stepTo(e.batch());
                    if (e.batch() % 10 == 0 || e.batch() == e.batches()) {
                        progress.status(String.format(Locale.ROOT, "loss %.6f", e.loss()));
                    }
                }
            };
        }
        if (common.quiet()) {
            return TrainingListener.none();
        }
        return new TrainingListener() {
            @Override
            public void stepEnded(TrainingEvent.StepEnded e) {
                if (e.batch() % LOG_EVERY == 0 || e.batch() == e.batches()) {
                    err().printf(Locale.ROOT, "iter %d/%d  loss %.6f%n", e.batch(), e.batches(), e.loss());
                    err().flush();
                }
            }
        };
    }

    private static String architecture(SineTutorial.Config c) {
        String name = c.cell().moduleName();
        return name + "(1, " + c.hiddenSize() + ", batch_first=True) + Linear(" + c.hiddenSize() + ", 1)";
    }

    private void print(SineTutorial.Result r, double seconds) throws Exception {
        SineTutorial.Config c = r.config();
        if (common.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("final_loss", r.finalLoss());
            m.put("last_loss", (double) r.lastLoss());
            m.put("prediction_mse", r.predictionMse());
            m.put("final_loss_iterations", Math.min(SineTutorial.FINAL_LOSS_ITERATIONS, r.losses().length));
            m.put("cell", cell.id());
            m.put("hidden", c.hiddenSize());
            m.put("iterations", c.iterations());
            m.put("lr", c.lr());
            m.put("seed", c.seed());
            m.put("threads", Kernels.threads());
            m.put("parameters", r.model().numParameters());
            m.put("test_start", r.testStart());
            m.put("predictions", toDoubles(r.predictions()));
            m.put("plot", plot.toAbsolutePath().normalize().toString());
            m.put("seconds", Math.round(seconds * 100) / 100.0);
            printJson(m);
            return;
        }
        out().println("sine demo: " + architecture(c) + ", " + r.model().numParameters() + " parameters, Adam lr " + c.lr()
                + ", " + c.iterations() + " iterations, seed " + c.seed());
        out().printf(Locale.ROOT, "final training loss  %.6f  (mean of the last %d iterations; last %.6f)%n", r.finalLoss(),
                Math.min(SineTutorial.FINAL_LOSS_ITERATIONS, r.losses().length), r.lastLoss());
        out().printf(Locale.ROOT, "prediction MSE       %.6f  (%d autoregressive steps from sin(%.3f), window [%.3f, %.3f])%n",
                r.predictionMse(), r.predictions().length, r.testStart(), r.testStart(), r.testStart() + SineWindows.SPAN);
    }

    /** The tutorial's picture: the true points as markers, the input line x[:-1], the predictions of x[1:]. */
    private void drawPlot(SineTutorial.Result r) throws Exception {
        double[] t = SineWindows.times(r.testStart(), SineWindows.SPAN, SineWindows.POINTS);
        int n = t.length - 1;
        double[] truth = toDoubles(r.testWindow());
        double[] tIn = new double[n];
        double[] xIn = new double[n];
        double[] tOut = new double[n];
        System.arraycopy(t, 0, tIn, 0, n);
        System.arraycopy(truth, 0, xIn, 0, n);
        System.arraycopy(t, 1, tOut, 0, n);
        List<Plots.Line> lines = new ArrayList<>();
        lines.add(Plots.Line.numeric("true sin(t)", t, truth, Plots.Stroke.POINTS));
        lines.add(Plots.Line.numeric("prediction (fed back)", tOut, toDoubles(r.predictions()), Plots.Stroke.POINTS));
        lines.add(Plots.Line.numeric("input x[:-1]", tIn, xIn, Plots.Stroke.SOLID));
        String title = String.format(Locale.ROOT, "sine demo: %s, %d iterations, prediction MSE %.4f",
                r.config().cell().moduleName(), r.config().iterations(), r.predictionMse());
        Plots.lines(plot, title, "t", "sin(t)", lines, Styler.LegendPosition.OutsideS);
    }

    private static double[] toDoubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
