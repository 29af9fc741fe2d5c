package org.rnn4j.classify;

import java.util.Iterator;
import java.util.Objects;
import org.rnn4j.autograd.GradMode;
import org.rnn4j.autograd.Var;
import org.rnn4j.data.batch.Batch;
import org.rnn4j.data.batch.Batches;
import org.rnn4j.data.encode.Encoder;
import org.rnn4j.data.seq.Example;
import org.rnn4j.data.seq.LabelSet;
import org.rnn4j.loss.CrossEntropyLoss;
import org.rnn4j.loss.Reduction;
import org.rnn4j.ops.F;
import org.rnn4j.tensor.Tensor;

/**
 * A trained (or training) sequence classifier with everything needed to use it on raw text: the
 * network, the {@link Encoder} (with its vocabulary), the {@link LabelSet}, and the length
 * sequences are truncated to. {@link ClassifierFiles} saves and loads it as a model directory.
 *
 * @param maxLength sequences longer than this many tokens keep their first {@code maxLength}
 * @param training  how it was trained (null if unknown)
 */
public record ClassifierModel(SequenceClassifier network, Encoder encoder, LabelSet labels, int maxLength,
        TrainSettings training) {

    /** Batch size for scoring. */
    public static final int SCORING_BATCH = 64;

    public ClassifierModel {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(labels, "labels");
        if (maxLength < 1) {
            throw new IllegalArgumentException("classifier model: max length must be >= 1, got " + maxLength);
        }
        ClassifierArchitecture a = network.architecture();
        if (a.numClasses() != labels.size()) {
            throw new IllegalArgumentException("classifier model: the network has " + a.numClasses() + " classes, the label set "
                    + labels.size() + " " + labels.labels());
        }
        if (a.positionDim() > 0 && maxLength > a.maxPositions()) {
            throw new IllegalArgumentException("classifier model: max length " + maxLength + " exceeds the "
                    + a.maxPositions() + " positions of the network");
        }
        if (a.input() != encoder.inputKind() || a.inputSize() != encoder.inputSize()) {
            throw new IllegalArgumentException("classifier model: the network takes " + a.input() + " of size " + a.inputSize()
                    + ", the encoder gives " + encoder.inputKind() + " of size " + encoder.inputSize());
        }
    }

    /** Class probabilities and predictions for a batch (evaluation mode, no graph). */
    public Prediction predict(Batch batch) {
        network.eval();
        try (var s = GradMode.disabled()) {
            Tensor p = F.softmax(network.forward(batch), 1).value(); // [B, C]
            return new Prediction(batch.ids(), argmax(p), p);
        }
    }

    /**
     * Predictions for examples read lazily (labels ignored), batch by batch, so a file larger than
     * memory can be scored. Bad input fails with the example's file and line.
     */
    public Iterator<Prediction> predict(Iterator<Example> examples) {
        Iterator<Batch> batches = Batches.stream(examples, encoder, null, SCORING_BATCH, maxLength);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return batches.hasNext();
            }

            @Override
            public Prediction next() {
                return predict(batches.next());
            }
        };
    }

    /**
     * Scores labelled examples read lazily; a label the model does not know is an error naming the
     * example's file and line.
     */
    public Evaluation evaluate(Iterator<Example> examples) {
        return evaluate(Batches.stream(examples, encoder, labels, SCORING_BATCH, maxLength), null);
    }

    /** Mean (optionally class-weighted) cross-entropy and confusion matrix over labelled batches. */
    Evaluation evaluate(Iterator<Batch> batches, Tensor classWeight) {
        network.eval();
        ConfusionMatrix cm = new ConfusionMatrix(labels.size());
        CrossEntropyLoss ce = CrossEntropyLoss.defaults().withReduction(Reduction.SUM).withWeight(classWeight);
        double lossSum = 0;
        double weightSum = 0;
        float[] w = classWeight == null ? null : classWeight.data();
        try (var s = GradMode.disabled()) {
            while (batches.hasNext()) {
                Batch b = batches.next();
                Var logits = network.forward(b);
                lossSum += ce.forward(logits, b.labels()).value().data()[0];
                int[] y = b.labels().data();
                int[] pred = argmax(logits.value());
                for (int i = 0; i < y.length; i++) {
                    cm.add(y[i], pred[i]);
                    weightSum += w == null ? 1 : w[y[i]];
                }
            }
        }
        return new Evaluation(weightSum == 0 ? Double.NaN : lossSum / weightSum, cm);
    }

    /** Row-wise argmax of [B, C] (first maximum on ties). */
    static int[] argmax(Tensor scores) {
        int b = scores.dim(0);
        int c = scores.dim(1);
        float[] d = scores.data();
        int[] out = new int[b];
        for (int i = 0; i < b; i++) {
            int best = 0;
            for (int j = 1; j < c; j++) {
                if (d[i * c + j] > d[i * c + best]) {
                    best = j;
                }
            }
            out[i] = best;
        }
        return out;
    }
}
