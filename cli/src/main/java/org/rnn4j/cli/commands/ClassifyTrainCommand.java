package org.rnn4j.cli.commands;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.rnn4j.classify.ClassifierArchitecture;
import org.rnn4j.classify.ClassifierData;
import org.rnn4j.classify.ClassifierDefaults;
import org.rnn4j.classify.ClassifierEnsembleTrainer;
import org.rnn4j.classify.ClassifierFiles;
import org.rnn4j.classify.EpochReport;
import org.rnn4j.classify.TrainSettings;
import org.rnn4j.cli.BaseCommand;
import org.rnn4j.cli.Seeded;
import org.rnn4j.cli.VersionProvider;
import org.rnn4j.cli.classify.EncodingOptions;
import org.rnn4j.cli.classify.ExampleSource;
import org.rnn4j.cli.classify.ModelOptions;
import org.rnn4j.cli.classify.TrainingOptions;
import org.rnn4j.cli.ui.Progress;
import org.rnn4j.data.encode.Chars;
import org.rnn4j.data.encode.Encoder;
import org.rnn4j.data.encode.Words;
import org.rnn4j.data.seq.Example;
import org.rnn4j.data.text.Vocabulary;
import org.rnn4j.io.embeddings.EmbeddingsOptions;
import org.rnn4j.io.embeddings.EmbeddingsReader;
import org.rnn4j.io.embeddings.PretrainedEmbeddings;
import org.rnn4j.train.TrainingEvent;
import org.rnn4j.train.TrainingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rnn4j classify train --data FILE --out DIR}: trains a sequence classifier and writes its model folder. */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Train a sequence classifier on labelled sequences (TSV/CSV with id, label, sequence columns, or FASTA) "
                + "and write a model folder (model.safetensors + config.json).",
                "The encoding is chosen from the alphabet found; a stratified share is held out for validation unless "
                + "--validation is given; the best epoch on validation is kept (and written whenever it improves)."})
public final class ClassifyTrainCommand extends BaseCommand implements Seeded {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Labelled training examples.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The model folder to write.")
    Path out;

    @Option(names = OutputFolder.OPTION, description = "Replace the model already in --out (without it, such a folder is an error).")
    boolean overwrite;

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

    /** {@code result} with the record of whether the folder holds every ensemble member. */
    private static Map<String, Object> completeness(Map<String, Object> result, boolean complete) {
        Map<String, Object> m = new LinkedHashMap<>(result);
        m.put(ClassifierFiles.COMPLETE, complete);
        return m;
    }

    @Override
    protected int execute() throws Exception {
        org.rnn4j.cli.OutputPaths.of(commandLine()).folder("--out", out);
        OutputFolder.check(spec, out, overwrite);
        long start = System.nanoTime();
        TrainSettings settings = trainingOptions.apply(TrainSettings.DEFAULTS, common.seed());
        ClassifierData d = ClassifierData.prepare(read(data), validation != null ? read(validation) : null, encoding.spec(), maxLength);
        Encoder encoder = d.encoder();
        info(data + ": " + d.examples().size() + " examples, " + d.labels().size() + " classes " + d.labels().labels() + "; encoding "
                + describe(encoder) + (encoding.automatic() ? " (" + d.encodingReason() + ")" : ""));
        int maxLen = d.maxLength();
        ClassifierArchitecture arch = modelOptions.apply(ClassifierDefaults.architecture(encoder, d.labels().size(), maxLen), maxLen);
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
        ClassifierArchitecture a = arch;
        ClassifierEnsembleTrainer.Result result = ClassifierEnsembleTrainer.train(d, arch, settings,
                pretrained == null ? null : new ClassifierEnsembleTrainer.Pretrained(pretrained.weight(), freeze),
                (m, net, tr, vc) -> info(String.format(Locale.ROOT,
                        "%smodel: %s %s, %d parameters; %d training, %d validation examples (%s); max length %d",
                        k > 1 ? "member " + (m.index() + 1) + "/" + k + ": " : "", a.bidirectional() ? "bidirectional" : "unidirectional",
                        a.cell().id(), net.numParameters(), tr, vc, validation != null ? validation.toString() : "held out", maxLen)),
                new Listener(),
                (model, members) -> ClassifierFiles.save(out, model, completeness(ClassifierEnsembleTrainer.summary(facts, members),
                        model.members().size() == k)));
        ClassifierFiles.save(out, result.model(), completeness(result.summary(facts), true));
        double seconds = (System.nanoTime() - start) / 1e9;
        List<ClassifierEnsembleTrainer.Member> members = result.members();
        int trainCount = members.get(members.size() - 1).trainExamples();
        int valCount = members.get(members.size() - 1).validationExamples();
        double meanAcc = result.meanValidationAccuracy();
        double meanF1 = result.meanValidationMacroF1();
        Double ensembleAccuracy = result.ensembleValidationAccuracy();
        Summary summary = new Summary(out.toString(), describe(encoder), k, trainCount, valCount, meanAcc, meanF1, ensembleAccuracy,
                seconds);
        if (common.json()) {
            printJson(summary);
        } else if (k == 1) {
            ClassifierEnsembleTrainer.Member m = members.get(0);
            out().printf(Locale.ROOT, "%s: best epoch %d of %d%s, validation accuracy %.4f, macro-F1 %.4f (%d examples); %.0f s%n",
                    out, m.best().epoch(), m.epochsRun(), m.stoppedEarly() ? " (stopped early)" : "",
                    meanAcc, meanF1, valCount, seconds);
        } else {
            out().printf(Locale.ROOT, "%s: ensemble of %d, members' validation accuracy %.4f, macro-F1 %.4f on average (%d examples each)%s; %.0f s%n",
                    out, k, meanAcc, meanF1, valCount,
                    ensembleAccuracy == null ? "" : String.format(Locale.ROOT, ", ensemble validation accuracy %.4f", ensembleAccuracy), seconds);
        }
        return 0;
    }

    private List<Example> read(Path file) {
        try (Stream<Example> s = source.open(file)) {
            return s.toList();
        }
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
    private final class Listener implements TrainingListener {
        private Progress bar = Progress.none();

        private String member(int index, int count) {
            return count > 1 ? (index + 1) + "/" + count + " " : "";
        }

        @Override
        public void epochStarted(TrainingEvent.EpochStarted e) {
            bar = progress().start(member(e.member(), e.members()) + "epoch " + e.epoch(), e.batches());
        }

        @Override
        public void stepEnded(TrainingEvent.StepEnded e) {
            bar.stepTo(e.batch());
            bar.status(String.format(Locale.ROOT, "loss %.4f", e.loss()));
        }

        @Override
        public void epochEnded(TrainingEvent.EpochEnded e) {
            bar.close();
            EpochReport r = EpochReport.of(e);
            info(member(e.member(), e.members()) + String.format(Locale.ROOT,
                    "epoch %d/%d  train loss %.4f acc %.4f  validation loss %.4f acc %.4f macro-F1 %.4f  lr %.2g%s",
                    r.epoch(), r.epochs(), r.trainLoss(), r.trainAccuracy(), r.validationLoss(), r.validationAccuracy(),
                    r.validationMacroF1(), r.lr(), r.best() ? "  *" : ""));
        }
    }
}
