package org.rnn4j.cli.commands;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.rnn4j.classify.ClassificationMetrics;
import org.rnn4j.classify.ClassifierFiles;
import org.rnn4j.classify.ClassifierModel;
import org.rnn4j.classify.ConfusionMatrix;
import org.rnn4j.classify.Evaluation;
import org.rnn4j.cli.BaseCommand;
import org.rnn4j.cli.ModelFolders;
import org.rnn4j.cli.OutputPaths;
import org.rnn4j.cli.VersionProvider;
import org.rnn4j.cli.classify.ConfusionPlot;
import org.rnn4j.cli.classify.ExampleSource;
import org.rnn4j.data.seq.Example;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rnn4j classify eval --model DIR --data FILE [--json] [--plot FILE.png]}. */
@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Score a classifier on labelled examples: accuracy, macro-F1, per-class precision / recall / F1 and the "
                + "confusion matrix (rows: true class, columns: predicted), as a table or --json; --plot draws the matrix as a PNG.",
                "Every label must be one the model was trained on."})
public final class ClassifyEvalCommand extends BaseCommand {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model folder written by 'classify train'.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Labelled examples (TSV/CSV or FASTA).")
    Path data;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Draw the confusion matrix as a heat map.")
    Path plot;

    @Mixin
    ExampleSource source;

    /** One class's scores in JSON. */
    record ClassScores(double precision, double recall, double f1, long support) {
    }

    /** The JSON result. */
    @com.fasterxml.jackson.databind.annotation.JsonNaming(com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Result(String data, long examples, double accuracy, double macroF1, Map<String, ClassScores> perClass,
            List<String> labels, long[][] confusion) {
    }

    @Override
    protected int execute() throws Exception {
        OutputPaths.of(commandLine()).file("--plot", plot);
        ModelFolders.require(model, ModelFolders.Kind.CLASSIFIER);
        ClassifierModel m = ClassifierFiles.load(model);
        Evaluation ev;
        try (Stream<Example> s = source.open(data)) {
            ev = m.evaluate(s.iterator());
        }
        ConfusionMatrix cm = ev.confusion();
        if (cm.total() == 0) {
            throw new IllegalArgumentException(data + ": no examples to evaluate");
        }
        ClassificationMetrics metrics = ev.metrics(m.labels());
        List<String> labels = m.labels().labels();
        if (plot != null) {
            ConfusionPlot.write(plot, String.format(Locale.ROOT, "%s — accuracy %.2f %%, macro-F1 %.3f", data.getFileName(),
                    100 * metrics.accuracy(), metrics.macroF1()), cm, labels);
            info("plot: " + plot);
        }
        if (common.json()) {
            Map<String, ClassScores> per = new LinkedHashMap<>();
            for (ClassificationMetrics.PerClass p : metrics.perClass()) {
                per.put(p.label(), new ClassScores(p.precision(), p.recall(), p.f1(), p.support()));
            }
            printJson(new Result(data.toString(), cm.total(), metrics.accuracy(), metrics.macroF1(), per, labels, cm.counts()));
            return 0;
        }
        out().printf(Locale.ROOT, "%s: %d examples, accuracy %.4f, macro-F1 %.4f%n", data, cm.total(), metrics.accuracy(),
                metrics.macroF1());
        out().println();
        Table t = new Table("class", "precision", "recall", "f1", "support").alignRight(1, 2, 3, 4);
        for (ClassificationMetrics.PerClass p : metrics.perClass()) {
            t.row(p.label(), f4(p.precision()), f4(p.recall()), f4(p.f1()), Long.toString(p.support()));
        }
        t.print(out());
        out().println();
        out().println("confusion matrix (rows: true class, columns: predicted)");
        String[] header = new String[labels.size() + 1];
        header[0] = "";
        int[] right = new int[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            header[i + 1] = labels.get(i);
            right[i] = i + 1;
        }
        Table c = new Table(header).alignRight(right);
        for (int i = 0; i < labels.size(); i++) {
            String[] row = new String[labels.size() + 1];
            row[0] = labels.get(i);
            for (int j = 0; j < labels.size(); j++) {
                row[j + 1] = Long.toString(cm.count(i, j));
            }
            c.row(row);
        }
        c.print(out());
        return 0;
    }

    private static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
