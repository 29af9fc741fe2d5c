package org.rnn4j.cli.commands;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.rnn4j.classify.ClassifierArchitecture;
import org.rnn4j.classify.ClassifierDefaults;
import org.rnn4j.classify.ClassifierFiles;
import org.rnn4j.classify.ClassifierListener;
import org.rnn4j.classify.ClassifierModel;
import org.rnn4j.classify.ClassifierTrainer;
import org.rnn4j.classify.EpochReport;
import org.rnn4j.classify.SequenceClassifier;
import org.rnn4j.classify.StratifiedSplit;
import org.rnn4j.classify.TrainResult;
import org.rnn4j.classify.TrainSettings;
import org.rnn4j.cli.BaseCommand;
import org.rnn4j.cli.VersionProvider;
import org.rnn4j.cli.classify.EncodingOptions;
import org.rnn4j.cli.classify.ExampleSource;
import org.rnn4j.cli.classify.ModelOptions;
import org.rnn4j.cli.classify.TrainingOptions;
import org.rnn4j.cli.ui.Progress;
import org.rnn4j.data.batch.Sample;
import org.rnn4j.data.encode.Chars;
import org.rnn4j.data.encode.Encoder;
import org.rnn4j.data.encode.EncoderFitter;
import org.rnn4j.data.encode.Words;
import org.rnn4j.data.seq.Example;
import org.rnn4j.data.seq.LabelSet;
import org.rnn4j.data.text.Vocabulary;
import org.rnn4j.io.embeddings.EmbeddingsOptions;
import org.rnn4j.io.embeddings.EmbeddingsReader;
import org.rnn4j.io.embeddings.PretrainedEmbeddings;
import org.rnn4j.rand.Rng;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rnn4j classify train --data FILE --out DIR}: trains a sequence classifier and writes its model folder. */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Train a sequence classifier on labelled sequences (TSV/CSV with id, label, sequence columns, or FASTA) "
                + "and write a model folder (model.safetensors + config.json).",
                "The encoding is chosen from the alphabet found; a stratified share is held out for validation unless "
                + "--validation is given; the best epoch on validation is kept (and written whenever it improves)."})
public final class ClassifyTrainCommand extends BaseCommand {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Labelled training examples.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The model folder to write.")
    Path out;

    @Option(names = "--validation", paramLabel = "FILE", description = "Labelled validation examples (default: hold out part of --data).")
    Path validation;

    @Option(names = "--max-length", converter = org.rnn4j.cli.OptionValues.Positive.class, paramLabel = "N", description = "Truncate sequences to N tokens (default: the longest training sequence, at most "
            + ClassifierDefaults.MAX_LENGTH_CAP + ").")
    Integer maxLength;

    @Option(names = "--embeddings", paramLabel = "FILE",
            description = "Pretrained word vectors (GloVe text, word2vec text or binary, optionally .gz) for a words or characters encoding.")
    Path embeddings;

    @Option(names = "--freeze", description = "Keep the pretrained embeddings fixed during training.")
    boolean freeze;

    @Mixin
    ExampleSource source;

    @Mixin
    EncodingOptions encoding;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    TrainingOptions trainingOptions;

    /** JSON result. */
    @com.fasterxml.jackson.databind.annotation.JsonNaming(com.fasterxml.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Summary(String model, String encoder, int ensembleSize, int trainExamples, int validationExamples,
            double validationAccuracy, double validationMacroF1, Double ensembleValidationAccuracy, double seconds) {
    }

    @Override
    protected int execute() throws Exception {
        org.rnn4j.cli.OutputPaths.of(commandLine()).folder("--out", out);
        long start = System.nanoTime();
        TrainSettings settings = trainingOptions.apply(TrainSettings.DEFAULTS, common.seed());
        List<Example> all = read(data);
        LabelSet labels = labels(all);
        List<Example> val = validation != null ? read(validation) : null;
        EncoderFitter fitter = new EncoderFitter(encoding.spec());
        all.forEach(fitter::accept);
        Encoder encoder = fitter.fit();
        info(data + ": " + all.size() + " examples, " + labels.size() + " classes " + labels.labels() + "; encoding "
                + describe(encoder) + (encoding.automatic() ? " (" + fitter.stats().explain() + ")" : ""));

        int longest = encode(all, encoder, labels, Integer.MAX_VALUE).stream().mapToInt(Sample::length).max().orElse(1);
        int maxLen = maxLength != null ? maxLength : Math.min(longest, ClassifierDefaults.MAX_LENGTH_CAP);
        if (maxLen < 1) {
            throw new IllegalArgumentException("--max-length must be at least 1, got " + maxLen);
        }
        List<Sample> allSamples = encode(all, encoder, labels, maxLen);
        List<Sample> valSamples = val == null ? null : encode(val, encoder, labels, maxLen);

        ClassifierArchitecture arch = modelOptions.apply(ClassifierDefaults.architecture(encoder, labels.size(), maxLen), maxLen);
        PretrainedEmbeddings pretrained = null;
        if (embeddings != null) {
            Vocabulary vocab = encoder instanceof Words w ? w.vocabulary() : encoder instanceof Chars c ? c.vocabulary() : null;
            if (vocab == null) {
                throw new IllegalArgumentException("--embeddings needs a words or characters encoding, the data are encoded as "
                        + describe(encoder));
            }
            pretrained = EmbeddingsReader.load(embeddings, vocab, EmbeddingsOptions.DEFAULTS);
            info(pretrained.report().summary());
            arch = arch.withEmbeddingDim(pretrained.weight().dim(1));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("train_data", data.toString());
        facts.put("validation_data", validation != null ? validation.toString() : "held out from train_data (stratified)");
        if (pretrained != null) {
            facts.put("embeddings", pretrained.report().summary());
            facts.put("embeddings_frozen", freeze);
        }

        int k = settings.ensemble();
        List<ClassifierModel> done = new ArrayList<>();
        List<Map<String, Object>> memberFacts = new ArrayList<>();
        int trainCount = 0;
        int valCount = 0;
        for (int i = 0; i < k; i++) {
            long seed = settings.seed() + i;
            List<Sample> trainSamples = allSamples;
            List<Sample> memberVal = valSamples;
            if (valSamples == null) {
                StratifiedSplit split = StratifiedSplit.of(labelsOf(allSamples), labels.size(), settings.validationFraction(),
                        new Rng(seed));
                trainSamples = pick(allSamples, split.train());
                memberVal = pick(allSamples, split.validation());
                if (memberVal.isEmpty()) {
                    throw new IllegalArgumentException(data + ": too few examples to hold out a validation set ("
                            + all.size() + "); give more data or --validation FILE");
                }
            }
            trainCount = trainSamples.size();
            valCount = memberVal.size();
            int tr = trainSamples.size();
            int vc = memberVal.size();
            SequenceClassifier net = new SequenceClassifier(arch, new Rng(seed));
            if (pretrained != null) {
                net.usePretrainedEmbeddings(pretrained.weight(), freeze);
            }
            ClassifierModel member = new ClassifierModel(net, encoder, labels, maxLen, settings.withSeed(seed));
            info(String.format(Locale.ROOT, "%smodel: %s %s, %d parameters; %d training, %d validation examples (%s); max length %d",
                    k > 1 ? "member " + (i + 1) + "/" + k + ": " : "", arch.bidirectional() ? "bidirectional" : "unidirectional",
                    arch.cell().id(), net.numParameters(), trainSamples.size(), memberVal.size(),
                    validation != null ? validation.toString() : "held out", maxLen));
            TrainResult result = ClassifierTrainer.train(member, trainSamples, memberVal, new Listener(k > 1 ? (i + 1) + "/" + k + " " : ""),
                    (m, r) -> ClassifierFiles.save(out, combine(done, m, settings), summary(facts, memberFacts, memberFacts(tr, vc, r, r.epoch(), false))));
            memberFacts.add(memberFacts(tr, vc, result.best(), result.history().size(), result.stoppedEarly()));
            done.add(member);
        }
        ClassifierModel model = ClassifierModel.ensemble(done);
        model = new ClassifierModel(model.members(), encoder, labels, maxLen, settings);
        Map<String, Object> result = summary(facts, memberFacts, null);
        Double ensembleAccuracy = null;
        if (k > 1 && val != null) {
            ensembleAccuracy = model.evaluate(val.iterator()).accuracy();
            result.put("ensemble_validation_accuracy", ensembleAccuracy);
        }
        ClassifierFiles.save(out, model, result);
        double seconds = (System.nanoTime() - start) / 1e9;
        double meanAcc = memberFacts.stream().mapToDouble(m -> (Double) m.get("validation_accuracy")).average().orElse(Double.NaN);
        double meanF1 = memberFacts.stream().mapToDouble(m -> (Double) m.get("validation_macro_f1")).average().orElse(Double.NaN);
        Summary summary = new Summary(out.toString(), describe(encoder), k, trainCount, valCount, meanAcc, meanF1, ensembleAccuracy,
                seconds);
        if (common.json()) {
            printJson(summary);
        } else if (k == 1) {
            Map<String, Object> m = memberFacts.get(0);
            out().printf(Locale.ROOT, "%s: best epoch %d of %d%s, validation accuracy %.4f, macro-F1 %.4f (%d examples); %.0f s%n",
                    out, m.get("best_epoch"), m.get("epochs_run"), (Boolean) m.get("stopped_early") ? " (stopped early)" : "",
                    meanAcc, meanF1, valCount, seconds);
        } else {
            out().printf(Locale.ROOT, "%s: ensemble of %d, members' validation accuracy %.4f, macro-F1 %.4f on average (%d examples each)%s; %.0f s%n",
                    out, k, meanAcc, meanF1, valCount,
                    ensembleAccuracy == null ? "" : String.format(Locale.ROOT, ", ensemble validation accuracy %.4f", ensembleAccuracy), seconds);
        }
        return 0;
    }

    /** The finished members plus the one in training. */
    private static ClassifierModel combine(List<ClassifierModel> done, ClassifierModel current, TrainSettings settings) {
        List<ClassifierModel> all = new ArrayList<>(done);
        all.add(current);
        ClassifierModel e = ClassifierModel.ensemble(all);
        return new ClassifierModel(e.members(), e.encoder(), e.labels(), e.maxLength(), settings);
    }

    private static Map<String, Object> memberFacts(int trainExamples, int validationExamples, EpochReport best, int epochsRun,
            boolean stoppedEarly) {
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

    /** The config's result: the data facts and, per member, its best epoch and validation scores. */
    private static Map<String, Object> summary(Map<String, Object> facts, List<Map<String, Object>> members,
            Map<String, Object> current) {
        Map<String, Object> m = new LinkedHashMap<>(facts);
        List<Map<String, Object>> list = new ArrayList<>(members);
        if (current != null) {
            list.add(current);
        }
        if (list.size() == 1) {
            m.putAll(list.get(0));
        } else {
            m.put("members", list);
        }
        return m;
    }

    private static int[] labelsOf(List<Sample> samples) {
        int[] y = new int[samples.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = samples.get(i).label();
        }
        return y;
    }

    private List<Example> read(Path file) {
        try (Stream<Example> s = source.open(file)) {
            return s.toList();
        }
    }

    private static LabelSet labels(List<Example> examples) {
        LabelSet.Builder b = new LabelSet.Builder();
        examples.forEach(b::add);
        LabelSet l = b.build();
        if (l.size() < 2) {
            throw new IllegalArgumentException(examples.get(0).source().file() + ": needs at least two classes to train a classifier, found only '"
                    + l.label(0) + "'");
        }
        return l;
    }

    private static <T> List<T> pick(List<T> all, int[] rows) {
        List<T> out = new ArrayList<>(rows.length);
        for (int r : rows) {
            out.add(all.get(r));
        }
        return out;
    }

    private static List<Sample> encode(List<Example> examples, Encoder encoder, LabelSet labels, int maxLength) {
        List<Sample> out = new ArrayList<>(examples.size());
        for (Example e : examples) {
            out.add(Sample.of(e, encoder, labels, maxLength));
        }
        return out;
    }

    static String describe(Encoder e) {
        if (e instanceof Words w) {
            return "words (" + w.vocabulary().size() + " vocabulary entries)";
        }
        if (e instanceof Chars c) {
            return "characters (" + c.vocabulary().size() + " vocabulary entries)";
        }
        if (e instanceof org.rnn4j.data.encode.Kmer k) {
            return k.k() + "-mers (stride " + k.stride() + ")";
        }
        return "DNA one-hot";
    }

    /** Progress bar per epoch and one line per finished epoch on stderr. */
    private final class Listener implements ClassifierListener {
        private final String member;
        private Progress bar = Progress.none();

        Listener(String member) {
            this.member = member;
        }

        @Override
        public void epochStarted(int epoch, int batches) {
            bar = progress().start(member + "epoch " + epoch, batches);
        }

        @Override
        public void batchFinished(int epoch, int batch, int batches, double loss) {
            bar.stepTo(batch);
            bar.status(String.format(Locale.ROOT, "loss %.4f", loss));
        }

        @Override
        public void epochFinished(EpochReport r) {
            bar.close();
            info(member + String.format(Locale.ROOT, "epoch %d/%d  train loss %.4f acc %.4f  validation loss %.4f acc %.4f macro-F1 %.4f  lr %.2g%s",
                    r.epoch(), r.epochs(), r.trainLoss(), r.trainAccuracy(), r.validationLoss(), r.validationAccuracy(),
                    r.validationMacroF1(), r.lr(), r.best() ? "  *" : ""));
        }
    }
}
