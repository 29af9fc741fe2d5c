package org.rnn4j.cli.commands;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.rnn4j.classify.ClassifierFiles;
import org.rnn4j.classify.ClassifierModel;
import org.rnn4j.classify.Prediction;
import org.rnn4j.cli.BaseCommand;
import org.rnn4j.cli.ModelFolders;
import org.rnn4j.cli.OutputPaths;
import org.rnn4j.cli.VersionProvider;
import org.rnn4j.cli.classify.ExampleSource;
import org.rnn4j.data.seq.Example;
import org.rnn4j.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rnn4j classify predict --model DIR --data FILE [--out TSV]}. */
@Command(name = "predict", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Classify sequences (labels, if present, are ignored) and write a TSV: id, predicted label and one "
                + "probability column p_LABEL per class, on stdout or in --out; with --json, a JSON array "
                + "of {id, predicted, probabilities} on stdout (with --out: the TSV there and a JSON summary on stdout).",
                "The input is read and scored batch by batch, so it may be larger than memory."})
public final class ClassifyPredictCommand extends BaseCommand {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A model folder written by 'classify train'.")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Sequences to classify (TSV/CSV or FASTA).")
    Path data;

    @Option(names = "--out", paramLabel = "TSV", description = "Write the predictions here (atomically) instead of stdout.")
    Path out;

    @Mixin
    ExampleSource source;

    @Override
    protected int execute() throws Exception {
        OutputPaths.of(commandLine()).file("--out", out);
        ModelFolders.require(model, ModelFolders.Kind.CLASSIFIER);
        ClassifierModel m = ClassifierFiles.load(model);
        long[] count = new long[1];
        try (Stream<Example> s = source.open(data)) {
            Iterator<Example> examples = s.iterator();
            if (out != null) {
                AtomicFiles.write(out, os -> count[0] = write(m, examples, writer(os)));
                info("predictions: " + count[0] + " examples → " + out);
                if (common.json()) {
                    printJson(new Written(out.toString(), count[0]));
                }
            } else if (common.json()) {
                writeJson(m, examples, out());
            } else {
                count[0] = write(m, examples, out());
            }
        }
        return 0;
    }

    /** The JSON summary when the predictions went to {@code --out}. */
    record Written(String out, long examples) {
    }

    /**
     * Streams a JSON array on stdout, one object per example: {@code {"id", "predicted", "probabilities": {label: p}}},
     * written as it is scored, like the TSV.
     */
    private static void writeJson(ClassifierModel m, Iterator<Example> examples, PrintWriter w) throws IOException {
        List<String> labels = m.labels().labels();
        try (JsonGenerator g = JSON.getFactory().createGenerator(w)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            Iterator<Prediction> it = m.predict(examples);
            while (it.hasNext()) {
                Prediction p = it.next();
                float[] prob = p.probabilities().data();
                int c = labels.size();
                int[] pred = p.predicted();
                for (int i = 0; i < p.size(); i++) {
                    g.writeStartObject();
                    g.writeStringField("id", p.ids().get(i));
                    g.writeStringField("predicted", labels.get(pred[i]));
                    g.writeObjectFieldStart("probabilities");
                    for (int j = 0; j < c; j++) {
                        g.writeNumberField(labels.get(j), prob[i * c + j]);
                    }
                    g.writeEndObject();
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
        }
        w.println();
        w.flush();
    }

    private static PrintWriter writer(OutputStream os) {
        Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
        return new PrintWriter(w, false);
    }

    /** Writes the header and one line per example; returns the number of examples. */
    private static long write(ClassifierModel m, Iterator<Example> examples, PrintWriter w) throws IOException {
        List<String> labels = m.labels().labels();
        StringBuilder header = new StringBuilder("id\tpredicted");
        for (String l : labels) {
            header.append("\tp_").append(l);
        }
        w.print(header.append('\n'));
        long n = 0;
        Iterator<Prediction> it = m.predict(examples);
        while (it.hasNext()) {
            Prediction p = it.next();
            float[] prob = p.probabilities().data();
            int c = labels.size();
            int[] pred = p.predicted();
            for (int i = 0; i < p.size(); i++) {
                StringBuilder line = new StringBuilder(p.ids().get(i)).append('\t').append(labels.get(pred[i]));
                for (int j = 0; j < c; j++) {
                    line.append('\t').append(String.format(java.util.Locale.ROOT, "%.6f", prob[i * c + j]));
                }
                w.print(line.append('\n'));
                n++;
            }
        }
        w.flush();
        if (w.checkError()) {
            throw new IOException("cannot write the predictions");
        }
        return n;
    }
}
