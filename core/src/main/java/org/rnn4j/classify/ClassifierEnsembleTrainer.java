package org.rnn4j.classify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.data.batch.Sample;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.train.Ensemble;
import org.rnn4j.train.Seeds;
import org.rnn4j.train.TrainingListener;

/**
 * The classifier's seeded ensemble: K networks, member i with seed {@code seed + i}; without a
 * validation file each member holds out its own stratified split ({@code new Rng(seed + i)}) of the
 * training examples. The members' probabilities are averaged.
 */
public final class ClassifierEnsembleTrainer {

    /**
     * Pretrained embeddings to start every member's embedding from.
     *
     * @param weight [V, E], rows in the encoder's vocabulary order
     * @param freeze keep them fixed during training
     */
    public record Pretrained(Tensor weight, boolean freeze) {
    }

    /**
     * One trained member.
     *
     * @param trainExamples      examples it was trained on
     * @param validationExamples examples it was validated on
     * @param best               its best epoch (the weights kept)
     * @param epochsRun          epochs run
     * @param stoppedEarly       patience ended its run
     */
    public record Member(int trainExamples, int validationExamples, EpochReport best, int epochsRun, boolean stoppedEarly) {
        /** The member's entry in config.json's result. */
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("train_examples", trainExamples);
            m.put("validation_examples", validationExamples);
            m.put("best_epoch", best.epoch());
            m.put("epochs_run", epochsRun);
            m.put("stopped_early", stoppedEarly);
            m.put("validation_accuracy", best.validationAccuracy());
            m.put("validation_macro_f1", best.validationMacroF1());
            m.put("validation_loss", best.validationLoss());
            return m;
        }
    }

    /**
     * What {@link #train} made.
     *
     * @param model                      the ensemble (its training settings those asked for)
     * @param members                    per member, in order
     * @param ensembleValidationAccuracy the ensemble's accuracy on the given validation examples (null: held out, or one member)
     */
    public record Result(ClassifierModel model, List<Member> members, Double ensembleValidationAccuracy) {
        public Result {
            members = List.copyOf(members);
        }

        /** The members' mean best validation accuracy. */
        public double meanValidationAccuracy() {
            return members.stream().mapToDouble(m -> m.best().validationAccuracy()).average().orElse(Double.NaN);
        }

        /** The members' mean best validation macro-F1. */
        public double meanValidationMacroF1() {
            return members.stream().mapToDouble(m -> m.best().validationMacroF1()).average().orElse(Double.NaN);
        }

        /** config.json's result: {@code facts}, then the ensemble's scores. */
        public Map<String, Object> summary(Map<String, Object> facts) {
            Map<String, Object> m = ClassifierEnsembleTrainer.summary(facts, members);
            if (ensembleValidationAccuracy != null) {
                m.put("ensemble_validation_accuracy", ensembleValidationAccuracy);
            }
            return m;
        }
    }

    /** Called when a member's validation score improves, with the finished members plus it, and their reports so far. */
    @FunctionalInterface
    public interface Checkpoint {
        void save(ClassifierModel ensembleSoFar, List<Member> membersSoFar) throws IOException;

        static Checkpoint none() {
            return (m, r) -> {
            };
        }
    }

    /** Says which member is about to train (its sizes), before its first epoch. */
    @FunctionalInterface
    public interface MemberStart {
        void starting(Ensemble.Member member, SequenceClassifier network, int trainExamples, int validationExamples);
    }

    private ClassifierEnsembleTrainer() {
    }

    /**
     * Trains {@code settings.ensemble()} networks of {@code arch} on {@code data}.
     *
     * @param pretrained embeddings for every member, or null
     */
    public static Result train(ClassifierData data, ClassifierArchitecture arch, TrainSettings settings, Pretrained pretrained,
                               MemberStart start, TrainingListener listener, Checkpoint checkpoint) {
        Seeds.Consecutive seeds = new Seeds.Consecutive(settings.seed());
        List<ClassifierModel> done = new ArrayList<>();
        List<Member> results = new ArrayList<>();
        Ensemble.train(settings.ensemble(), seeds, m -> {
            long seed = seeds.seed(m.index());
            List<Sample> train = data.samples();
            List<Sample> val = data.validationSamples();
            if (data.heldOut()) {
                StratifiedSplit split = StratifiedSplit.of(labelsOf(data.samples()), data.labels().size(),
                        settings.validationFraction(), new Rng(seed));
                train = pick(data.samples(), split.train());
                val = pick(data.samples(), split.validation());
                if (val.isEmpty()) {
                    throw new IllegalArgumentException(data.examples().get(0).source().file()
                            + ": too few examples to hold out a validation set (" + data.samples().size()
                            + "); give more data or --validation FILE");
                }
            }
            int tr = train.size();
            int vc = val.size();
            SequenceClassifier net = new SequenceClassifier(arch, new Rng(seed));
            if (pretrained != null) {
                net.usePretrainedEmbeddings(pretrained.weight(), pretrained.freeze());
            }
            ClassifierModel member = new ClassifierModel(net, data.encoder(), data.labels(), data.maxLength(), settings.withSeed(seed));
            start.starting(m, net, tr, vc);
            TrainResult r = ClassifierTrainer.train(member, train, val, m, listener, (model, report) -> {
                List<Member> soFar = new ArrayList<>(results);
                soFar.add(new Member(tr, vc, report, report.epoch(), false));
                checkpoint.save(withSettings(combine(done, model), settings), soFar);
            });
            results.add(new Member(tr, vc, r.best(), r.history().size(), r.stoppedEarly()));
            done.add(member);
            return member;
        });
        ClassifierModel model = withSettings(ClassifierModel.ensemble(done), settings);
        Double ensembleAccuracy = null;
        if (settings.ensemble() > 1 && data.validationExamples() != null) {
            ensembleAccuracy = model.evaluate(data.validationExamples().iterator()).accuracy();
        }
        return new Result(model, results, ensembleAccuracy);
    }

    /** config.json's result: {@code facts} and, per member, its best epoch and validation scores (flat for one member). */
    public static Map<String, Object> summary(Map<String, Object> facts, List<Member> members) {
        Map<String, Object> m = new LinkedHashMap<>(facts);
        if (members.size() == 1) {
            m.putAll(members.get(0).asMap());
        } else {
            List<Map<String, Object>> list = new ArrayList<>();
            members.forEach(x -> list.add(x.asMap()));
            m.put("members", list);
        }
        return m;
    }

    /** The finished members plus the one in training. */
    private static ClassifierModel combine(List<ClassifierModel> done, ClassifierModel current) {
        List<ClassifierModel> all = new ArrayList<>(done);
        all.add(current);
        return ClassifierModel.ensemble(all);
    }

    private static ClassifierModel withSettings(ClassifierModel m, TrainSettings settings) {
        return new ClassifierModel(m.members(), m.encoder(), m.labels(), m.maxLength(), settings);
    }

    private static int[] labelsOf(List<Sample> samples) {
        int[] y = new int[samples.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = samples.get(i).label();
        }
        return y;
    }

    private static <T> List<T> pick(List<T> all, int[] rows) {
        List<T> out = new ArrayList<>(rows.length);
        for (int r : rows) {
            out.add(all.get(r));
        }
        return out;
    }
}
