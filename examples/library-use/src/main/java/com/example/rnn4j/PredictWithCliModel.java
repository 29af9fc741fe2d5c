package com.example.rnn4j;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Stream;
import org.rnn4j.classify.ClassifierFiles;
import org.rnn4j.classify.ClassifierModel;
import org.rnn4j.classify.Prediction;
import org.rnn4j.data.seq.DelimitedOptions;
import org.rnn4j.data.seq.DelimitedReader;
import org.rnn4j.data.seq.Example;

/**
 * Loads a model folder written by {@code rnn4j classify train} and classifies the sequences of a TSV
 * (header with {@code id} and {@code sequence} columns), printing what {@code rnn4j classify predict}
 * prints: id, predicted label and one probability per class.
 *
 * <p>Usage: {@code PredictWithCliModel MODEL_DIR DATA.tsv}
 */
public final class PredictWithCliModel {
    public static void main(String[] args) throws Exception {
        ClassifierModel model = ClassifierFiles.load(Path.of(args[0]));
        System.out.println("id\tpredicted\tp_" + String.join("\tp_", model.labels().labels()));
        try (Stream<Example> examples = DelimitedReader.read(Path.of(args[1]), DelimitedOptions.DEFAULTS)) {
            Iterator<Prediction> batches = model.predict(examples.iterator());   // batch by batch, streaming
            while (batches.hasNext()) {
                Prediction p = batches.next();
                for (int i = 0; i < p.size(); i++) {
                    StringBuilder line = new StringBuilder(p.ids().get(i)).append('\t').append(p.label(i));
                    for (float prob : p.probabilities(i)) {
                        line.append('\t').append(String.format(Locale.ROOT, "%.6f", prob));
                    }
                    System.out.println(line);
                }
            }
        }
    }
}
