package org.rnn4j.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.rnn4j.autograd.Var;
import org.rnn4j.data.batch.Batch;
import org.rnn4j.data.batch.BatchOptions;
import org.rnn4j.data.batch.Batches;
import org.rnn4j.data.batch.Sample;
import org.rnn4j.loss.CrossEntropyLoss;
import org.rnn4j.optim.AdamW;
import org.rnn4j.optim.GradClip;
import org.rnn4j.optim.ReduceLROnPlateau;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/**
 * The training loop of a {@link ClassifierModel} with its {@link TrainSettings}: AdamW on shuffled
 * mini-batches, validation after every epoch, learning rate halved on a validation-loss plateau,
 * early stopping, and the best epoch's weights kept in memory (restored at the end) and handed to
 * a {@link Checkpointer} whenever they improve.
 *
 * <p>"Best" means the highest validation accuracy, ties broken by the lower validation loss.
 * Same seed, same data ⇒ same run.
 */
public final class ClassifierTrainer {

    /** Receives the model each time its validation score improves (e.g. to write it to disk). */
    @FunctionalInterface
    public interface Checkpointer {
        void save(ClassifierModel model, EpochReport report) throws IOException;

        static Checkpointer none() {
            return (m, r) -> {
            };
        }
    }

    private ClassifierTrainer() {
    }

    /** Trains {@code model} in place on {@code train}, choosing the best epoch on {@code validation}. */
    public static TrainResult train(ClassifierModel model, List<Sample> train, List<Sample> validation,
            ClassifierListener listener, Checkpointer checkpointer) {
        org.rnn4j.kernel.Kernels.prepare(); // compiler directives and GEMM warm-up, once per process
        TrainSettings s = model.training();
        if (s == null) {
            throw new IllegalArgumentException("classifier trainer: the model has no training settings");
        }
        if (train.isEmpty() || validation.isEmpty()) {
            throw new IllegalArgumentException("classifier trainer: needs training and validation examples, got "
                    + train.size() + " and " + validation.size());
        }
        SequenceClassifier net = model.network();
        int classes = model.labels().size();
        long[] counts = new long[classes];
        for (Sample x : train) {
            counts[x.label()]++;
        }
        float[] w = s.classWeighting().weights(counts);
        Tensor classWeight = w == null ? null : Tensor.wrap(Shape.of(classes), w);
        CrossEntropyLoss ce = CrossEntropyLoss.defaults().withWeight(classWeight).withLabelSmoothing(s.labelSmoothing());
        AdamW opt = new AdamW(net.parameters(), AdamW.defaults().withLr(s.lr()).withWeightDecay(s.weightDecay()));
        ReduceLROnPlateau plateau = s.lrPatience() == 0 ? null
                : new ReduceLROnPlateau(opt, ReduceLROnPlateau.Options.defaults().withFactor(0.5).withPatience(s.lrPatience()));
        Rng rng = new Rng(s.seed()).split();
        BatchOptions batching = BatchOptions.training(s.batchSize());

        Workspace workspace = new Workspace();
        List<EpochReport> history = new ArrayList<>();
        EpochReport best = null;
        Map<String, Tensor> bestState = null;
        int sinceBest = 0;
        for (int epoch = 1; epoch <= s.epochs(); epoch++) {
            int batches = (train.size() + s.batchSize() - 1) / s.batchSize();
            listener.epochStarted(epoch, batches);
            net.train();
            double lossSum = 0;
            long correct = 0;
            double lr = opt.lr();
            Iterator<Batch> it = Batches.epoch(train, model.encoder(), batching, rng);
            for (int i = 1; it.hasNext(); i++) {
                Batch b = it.next();
                double l;
                try (Workspace.Step step = workspace.open()) { // the step's arrays are reused by the next one
                    opt.zeroGrad();
                    Var logits = net.forward(b); // [B, C]
                    Var loss = ce.forward(logits, b.labels());
                    loss.backward();
                    if (s.gradClip() > 0) {
                        GradClip.clipGradNorm(opt.params(), s.gradClip());
                    }
                    opt.step();
                    l = loss.value().item();
                    int[] pred = ClassifierModel.argmax(logits.value());
                    int[] y = b.labels().data();
                    for (int r = 0; r < y.length; r++) {
                        correct += pred[r] == y[r] ? 1 : 0;
                    }
                }
                lossSum += l * b.size();
                listener.batchFinished(epoch, i, batches, l);
            }
            Evaluation v = ClassifierModel.evaluate(net, Batches.epoch(validation, model.encoder(),
                    BatchOptions.inference(ClassifierModel.SCORING_BATCH), rng), classes, classWeight);
            double acc = v.accuracy();
            boolean improved = best == null || acc > best.validationAccuracy()
                    || (acc == best.validationAccuracy() && v.loss() < best.validationLoss());
            EpochReport r = new EpochReport(epoch, s.epochs(), lossSum / train.size(), (double) correct / train.size(),
                    v.loss(), acc, v.metrics(model.labels()).macroF1(), lr, improved);
            history.add(r);
            if (improved) {
                best = r;
                bestState = net.stateDict();
                sinceBest = 0;
                try {
                    checkpointer.save(model, r);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the checkpoint: " + e.getMessage(), e);
                }
            } else {
                sinceBest++;
            }
            listener.epochFinished(r);
            if (plateau != null) {
                plateau.step(v.loss());
            }
            if (s.patience() > 0 && sinceBest >= s.patience()) {
                net.loadStateDict(bestState);
                return new TrainResult(history, best, epoch < s.epochs());
            }
        }
        net.loadStateDict(bestState);
        return new TrainResult(history, best, false);
    }
}
