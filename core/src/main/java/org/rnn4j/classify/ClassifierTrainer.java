package org.rnn4j.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.rnn4j.autograd.Var;
import org.rnn4j.data.batch.Batch;
import org.rnn4j.data.batch.BatchOptions;
import org.rnn4j.data.batch.Batches;
import org.rnn4j.data.batch.Sample;
import org.rnn4j.loss.CrossEntropyLoss;
import org.rnn4j.optim.AdamW;
import org.rnn4j.optim.ReduceLROnPlateau;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.train.Clipping;
import org.rnn4j.train.EarlyStopping;
import org.rnn4j.train.Ensemble;
import org.rnn4j.train.EpochLoop;
import org.rnn4j.train.OnNonFinite;
import org.rnn4j.train.Schedule;
import org.rnn4j.train.Scores;
import org.rnn4j.train.Seeds;
import org.rnn4j.train.Trainer;
import org.rnn4j.train.TrainingEvent;
import org.rnn4j.train.TrainingListener;

/**
 * Trains a {@link ClassifierModel} with its {@link TrainSettings} on the shared {@link EpochLoop}:
 * AdamW on shuffled mini-batches, validation after every epoch, learning rate halved on a
 * validation-loss plateau, early stopping, and the best epoch's weights kept in memory (restored at
 * the end) and handed to a {@link Checkpointer} whenever they improve.
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
    @SuppressWarnings("try") // the resource is a scope (workspace step, grad mode), never referenced
    public static TrainResult train(ClassifierModel model, List<Sample> train, List<Sample> validation,
            TrainingListener listener, Checkpointer checkpointer) {
        return train(model, train, validation, Ensemble.Member.single(new Seeds.Consecutive(model.training().seed())),
                listener, checkpointer);
    }

    /** As {@link #train(ClassifierModel, List, List, TrainingListener, Checkpointer)}, reporting as ensemble member {@code member}. */
    public static TrainResult train(ClassifierModel model, List<Sample> train, List<Sample> validation, Ensemble.Member member,
            TrainingListener listener, Checkpointer checkpointer) {
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
        Schedule schedule = s.lrPatience() == 0 ? Schedule.constant() : new Schedule.OnPlateau(
                new ReduceLROnPlateau(opt, ReduceLROnPlateau.Options.defaults().withFactor(0.5).withPatience(s.lrPatience())));
        Rng rng = new Rng(s.seed()).split();
        BatchOptions batching = BatchOptions.training(s.batchSize());
        Trainer trainer = new Trainer(opt, Clipping.normOrNone(s.gradClip()), OnNonFinite.STOP, net);
        EpochLoop.Config config = new EpochLoop.Config(s.epochs(),
                new EarlyStopping.Options(EarlyStopping.Criterion.HIGHEST_ACCURACY, s.patience(), 0));
        EpochLoop loop = new EpochLoop(net, trainer, schedule, config, member, rng, listener);
        int batches = (train.size() + s.batchSize() - 1) / s.batchSize();
        EpochLoop.Outcome o = loop.run(new EpochLoop.Job() {
            @Override
            public int batches(int epoch) {
                return batches;
            }

            @Override
            public Scores train(int epoch, EpochLoop.Steps steps) {
                double lossSum = 0;
                long[] correct = {0};
                Iterator<Batch> it = Batches.epoch(train, model.encoder(), batching, rng);
                while (it.hasNext()) {
                    Batch b = it.next();
                    double l = steps.step(() -> {
                        Var logits = net.forward(b); // [B, C]
                        int[] pred = ClassifierModel.argmax(logits.value());
                        int[] y = b.labels().data();
                        for (int r = 0; r < y.length; r++) {
                            correct[0] += pred[r] == y[r] ? 1 : 0;
                        }
                        return ce.forward(logits, b.labels());
                    });
                    lossSum += l * b.size();
                }
                return new Scores(lossSum / train.size(), (double) correct[0] / train.size(), Double.NaN);
            }

            @Override
            public Scores validate(int epoch) {
                Evaluation v = ClassifierModel.evaluate(net, Batches.epoch(validation, model.encoder(),
                        BatchOptions.inference(ClassifierModel.SCORING_BATCH), rng), classes, classWeight);
                return new Scores(v.loss(), v.accuracy(), v.metrics(model.labels()).macroF1());
            }

            @Override
            public void improved(TrainingEvent.EpochEnded e) {
                try {
                    checkpointer.save(model, EpochReport.of(e));
                } catch (IOException x) {
                    throw new UncheckedIOException("cannot write the checkpoint: " + x.getMessage(), x);
                }
            }
        });
        List<EpochReport> history = new ArrayList<>();
        o.history().forEach(e -> history.add(EpochReport.of(e)));
        EpochReport best = history.get(o.bestEpoch() - 1);
        return new TrainResult(history, best, o.stoppedEarly());
    }
}
