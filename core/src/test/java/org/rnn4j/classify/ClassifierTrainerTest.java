package org.rnn4j.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.data.batch.Batches;
import org.rnn4j.data.batch.Sample;
import org.rnn4j.data.dna.AmbiguityPolicy;
import org.rnn4j.data.encode.DnaOneHot;
import org.rnn4j.data.seq.Example;
import org.rnn4j.data.seq.LabelSet;
import org.rnn4j.rand.Rng;
import org.rnn4j.train.TrainingListener;

class ClassifierTrainerTest {
    private static final DnaOneHot ENCODER = new DnaOneHot(AmbiguityPolicy.ZERO);
    private static final LabelSet LABELS = LabelSet.of(List.of("at", "gc"));

    static ClassifierModel tinyModel(TrainSettings s) {
        ClassifierArchitecture a = ClassifierDefaults.architecture(ENCODER, 2, 100).withHiddenSize(8).withCell(CellKind.GRU);
        return new ClassifierModel(new SequenceClassifier(a, new Rng(s.seed())), ENCODER, LABELS, 100, s);
    }

    static List<Sample> samples(List<Example> examples) {
        return Batches.encode(examples.stream(), ENCODER, LABELS, 100);
    }

    private static final TrainSettings FAST = TrainSettings.DEFAULTS.withEpochs(8).withBatchSize(8).withLr(0.02).withPatience(0);

    @Test
    void learnsAnEasyTaskAndKeepsTheBestEpoch() {
        ClassifierModel m = tinyModel(FAST);
        List<Sample> val = samples(TinyData.dna(40, 2));
        List<EpochReport> saved = new ArrayList<>();
        TrainResult r = ClassifierTrainer.train(m, samples(TinyData.dna(96, 1)), val, TrainingListener.none(),
                (model, report) -> saved.add(report));
        assertEquals(8, r.history().size());
        assertFalse(r.stoppedEarly());
        assertTrue(r.best().validationAccuracy() >= 0.9, "best " + r.best());
        assertEquals(r.history().stream().filter(EpochReport::best).toList(), saved); // a checkpoint per improvement
        // the model holds the best epoch's weights
        Evaluation again = m.evaluate(TinyData.dna(40, 2).iterator());
        assertEquals(r.best().validationAccuracy(), again.accuracy());
        assertEquals(r.best().validationLoss(), again.loss(), 1e-6);
    }

    @Test
    void sameSeedSameRun() {
        List<Sample> train = samples(TinyData.dna(48, 1));
        List<Sample> val = samples(TinyData.dna(16, 2));
        TrainSettings s = FAST.withEpochs(2);
        TrainResult a = ClassifierTrainer.train(tinyModel(s), train, val, TrainingListener.none(), ClassifierTrainer.Checkpointer.none());
        TrainResult b = ClassifierTrainer.train(tinyModel(s), train, val, TrainingListener.none(), ClassifierTrainer.Checkpointer.none());
        assertEquals(a.history(), b.history());
        TrainResult c = ClassifierTrainer.train(tinyModel(s.withSeed(7)), train, val, TrainingListener.none(),
                ClassifierTrainer.Checkpointer.none());
        assertFalse(a.history().equals(c.history()));
    }

    @Test
    void stopsEarlyWhenValidationNoLongerImproves() {
        TrainSettings s = FAST.withEpochs(30).withPatience(2);
        TrainResult r = ClassifierTrainer.train(tinyModel(s), samples(TinyData.noise(32, 3)), samples(TinyData.noise(16, 4)),
                TrainingListener.none(), ClassifierTrainer.Checkpointer.none());
        assertTrue(r.stoppedEarly());
        List<EpochReport> h = r.history();
        assertTrue(h.size() < 30);
        assertFalse(h.get(h.size() - 1).best() || h.get(h.size() - 2).best());
        assertTrue(h.get(h.size() - 3).best()); // the last improvement, two epochs before the end
    }

    @Test
    void classWeightsBalanceOnlyClearlyImbalancedData() {
        assertEquals(null, ClassWeighting.AUTO.weights(new long[] {40, 20}));
        float[] w = ClassWeighting.AUTO.weights(new long[] {90, 10});
        assertEquals(100.0 / (2 * 90), w[0], 1e-6);
        assertEquals(100.0 / (2 * 10), w[1], 1e-6);
        assertEquals(null, ClassWeighting.NONE.weights(new long[] {90, 10}));
        assertEquals(1.0, ClassWeighting.BALANCED.weights(new long[] {5, 5})[0], 1e-6);
    }
}
