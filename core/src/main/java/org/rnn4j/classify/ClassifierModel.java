package org.rnn4j.classify;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rnn4j.autograd.GradMode;
import org.rnn4j.autograd.Var;
import org.rnn4j.data.batch.Batch;
import org.rnn4j.data.batch.Batches;
import org.rnn4j.data.encode.Encoder;
import org.rnn4j.data.seq.Example;
import org.rnn4j.data.seq.LabelSet;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.loss.CrossEntropyLoss;
import org.rnn4j.loss.Reduction;
import org.rnn4j.ops.F;
import org.rnn4j.tensor.Tensor;

/**
 * A trained (or training) sequence classifier with everything needed to use it on raw text: the
 * network — or several networks of the same architecture whose class probabilities are averaged
 * (an ensemble) — the {@link Encoder} (with its vocabulary), the {@link LabelSet}, and the length
 * sequences are truncated to. {@link ClassifierFiles} saves and loads it as a model directory.
 *
 * @param members   one network, or the members of an ensemble (same architecture)
 * @param maxLength sequences longer than this many tokens keep their first {@code maxLength}
 * @param training  how it was trained (null if unknown)
 */
public record ClassifierModel(List<SequenceClassifier> members, Encoder encoder, LabelSet labels, int maxLength,
        TrainSettings training) {

    /** Batch size for scoring. */
    public static final int SCORING_BATCH = 64;

    public ClassifierModel {
        members = List.copyOf(members);
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(labels, "labels");
        if (members.isEmpty()) {
            throw new IllegalArgumentException("classifier model: needs at least one network");
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("classifier model: max length must be >= 1, got " + maxLength);
        }
        ClassifierArchitecture a = members.get(0).architecture();
        for (SequenceClassifier m : members) {
            if (!m.architecture().equals(a)) {
                throw new IllegalArgumentException("classifier model: ensemble members differ in architecture: " + a
                        + " and " + m.architecture());
            }
        }
        if (a.numClasses() != labels.size()) {
            throw new IllegalArgumentException("classifier model: the network has " + a.numClasses() + " classes, the label set "
                    + labels.size() + " " + labels.labels());
        }
        if (a.input() != encoder.inputKind() || a.inputSize() != encoder.inputSize()) {
            throw new IllegalArgumentException("classifier model: the network takes " + a.input() + " of size " + a.inputSize()
                    + ", the encoder gives " + encoder.inputKind() + " of size " + encoder.inputSize());
        }
        if (a.positionDim() > 0 && maxLength > a.maxPositions()) {
            throw new IllegalArgumentException("classifier model: max length " + maxLength + " exceeds the "
                    + a.maxPositions() + " positions of the network");
        }
    }

    /** A model of one network. */
    public ClassifierModel(SequenceClassifier network, Encoder encoder, LabelSet labels, int maxLength, TrainSettings training) {
        this(List.of(network), encoder, labels, maxLength, training);
    }

    /** The ensemble of the networks of {@code models} (same encoder, labels and length), in order. */
    public static ClassifierModel ensemble(List<ClassifierModel> models) {
        ClassifierModel first = models.get(0);
        List<SequenceClassifier> nets = new ArrayList<>();
        for (ClassifierModel m : models) {
            if (!m.encoder.equals(first.encoder) || !m.labels.equals(first.labels) || m.maxLength != first.maxLength) {
                throw new IllegalArgumentException("classifier model: ensemble members need the same encoder, labels and max length");
            }
            nets.addAll(m.members);
        }
        return new ClassifierModel(nets, first.encoder, first.labels, first.maxLength, first.training);
    }

    /** The only network; an error for an ensemble. */
    public SequenceClassifier network() {
        if (members.size() != 1) {
            throw new IllegalStateException("classifier model: an ensemble of " + members.size() + " networks has no single network");
        }
        return members.get(0);
    }

    public ClassifierArchitecture architecture() {
        return members.get(0).architecture();
    }

    /**
     * The parameters under PyTorch's names: {@code embedding.weight}, {@code rnn.weight_ih_l0}, … for one
     * network; {@code members.0.embedding.weight}, … for an ensemble (an {@code nn.ModuleList}).
     */
    public Map<String, Tensor> stateDict() {
        if (members.size() == 1) {
            return members.get(0).stateDict();
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < members.size(); i++) {
            String prefix = "members." + i + ".";
            members.get(i).stateDict().forEach((n, t) -> out.put(prefix + n, t));
        }
        return out;
    }

    /** Class probabilities (the members' mean) and predictions for a batch (evaluation mode, no graph). */
    public Prediction predict(Batch batch) {
        Tensor p = probabilities(batch);
        return new Prediction(batch.ids(), argmax(p), p);
    }

    /** [B, C]: softmax of each member's logits, averaged. */
    private Tensor probabilities(Batch batch) {
        Tensor sum = null;
        try (var s = GradMode.disabled()) {
            for (SequenceClassifier net : members) {
                net.eval();
                Tensor p = F.softmax(net.forward(batch), 1).value();
                if (sum == null) {
                    sum = p;
                } else {
                    Kernels.elementwise().axpy(p.size(), 1f, p.data(), 0, sum.data(), 0);
                }
            }
        }
        if (members.size() > 1) {
            Kernels.elementwise().scale(sum.size(), 1f / members.size(), sum.data(), 0);
        }
        return sum;
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
     * Scores labelled examples read lazily: the confusion matrix of the predictions and the mean
     * negative log of the probability given to the true class. A label the model does not know is
     * an error naming the example's file and line.
     */
    public Evaluation evaluate(Iterator<Example> examples) {
        Iterator<Batch> batches = Batches.stream(examples, encoder, labels, SCORING_BATCH, maxLength);
        ConfusionMatrix cm = new ConfusionMatrix(labels.size());
        double nll = 0;
        int c = labels.size();
        while (batches.hasNext()) {
            Batch b = batches.next();
            Tensor p = probabilities(b);
            int[] pred = argmax(p);
            int[] y = b.labels().data();
            for (int i = 0; i < y.length; i++) {
                cm.add(y[i], pred[i]);
                nll -= Math.log(Math.max(p.data()[i * c + y[i]], Float.MIN_NORMAL));
            }
        }
        long n = cm.total();
        return new Evaluation(n == 0 ? Double.NaN : nll / n, cm);
    }

    /** One network's mean (class-weighted) cross-entropy and confusion matrix over labelled batches. */
    static Evaluation evaluate(SequenceClassifier network, Iterator<Batch> batches, int classes, Tensor classWeight) {
        network.eval();
        ConfusionMatrix cm = new ConfusionMatrix(classes);
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
