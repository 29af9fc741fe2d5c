package org.rnn4j.fuzz;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.rnn4j.classify.ClassifierArchitecture;
import org.rnn4j.classify.ClassifierDefaults;
import org.rnn4j.classify.ClassifierFiles;
import org.rnn4j.classify.ClassifierModel;
import org.rnn4j.classify.SequenceClassifier;
import org.rnn4j.classify.TrainSettings;
import org.rnn4j.data.InputFormatException;
import org.rnn4j.data.encode.Encoder;
import org.rnn4j.data.encode.EncoderFitter;
import org.rnn4j.data.encode.EncoderSpec;
import org.rnn4j.data.seq.DelimitedOptions;
import org.rnn4j.data.seq.DelimitedReader;
import org.rnn4j.data.seq.Example;
import org.rnn4j.data.seq.FastaLabels;
import org.rnn4j.data.seq.FastaReader;
import org.rnn4j.data.seq.LabelSet;
import org.rnn4j.data.seq.LabelsFile;
import org.rnn4j.data.seq.PassageReader;
import org.rnn4j.data.seq.PassageSplit;
import org.rnn4j.data.series.SeriesCsv;
import org.rnn4j.data.text.TextCase;
import org.rnn4j.data.text.Vocabulary;
import org.rnn4j.data.text.VocabularyOptions;
import org.rnn4j.forecast.ForecastModelFiles;
import org.rnn4j.forecast.ForecastSettings;
import org.rnn4j.forecast.ForecastTrainer;
import org.rnn4j.io.FileFormatException;
import org.rnn4j.io.SafeTensors;
import org.rnn4j.io.embeddings.EmbeddingsOptions;
import org.rnn4j.io.embeddings.EmbeddingsReader;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.train.TrainingListener;

/**
 * The readers under fuzzing: for each, the name of the file a mutant is written to, valid seed
 * files, and the call that reads it. The contract: a file either reads, or fails with
 * {@link InputFormatException} / {@link FileFormatException} whose message names the file.
 */
final class FuzzTargets {
    /** Reads {@code file}; any exception is judged by {@link #judge}. */
    interface Read {
        void read(Path file) throws Exception;
    }

    record Target(String name, String fileName, List<byte[]> seeds, Read read) {
    }

    private FuzzTargets() {
    }

    /** Null when {@code t} (thrown reading {@code file}) keeps the contract, else what is wrong. */
    static String judge(Path file, Throwable t) {
        if (t == null) {
            return null;
        }
        boolean typed = t instanceof InputFormatException || t instanceof FileFormatException;
        String m = String.valueOf(t.getMessage());
        boolean named = m.contains(file.getFileName().toString()) || m.contains(file.getParent().toString());
        if (typed && named) {
            return null;
        }
        return t.getClass().getName() + ": " + (m.length() > 300 ? m.substring(0, 300) + "…" : m);
    }

    static List<Target> all(Path work) throws IOException {
        List<Target> out = new ArrayList<>();
        Vocabulary vocab = Vocabulary.of(List.of("the", "cat", "dog", "zebra"));
        out.add(new Target("safetensors", "model.safetensors", List.of(safetensorsSeed(work)), SafeTensors::read));
        out.add(classifierConfig(work));
        out.add(forecasterConfig(work));
        out.add(new Target("series-csv", "series.csv", List.of(seriesCsv(40).getBytes(StandardCharsets.UTF_8),
                "t,value,x\n1,2.5,3\n2,2.25,1e3\n3,-1,0.5\n4,7,8\n".getBytes(StandardCharsets.UTF_8)), SeriesCsv::read));
        out.add(new Target("delimited", "seqs.tsv", List.of(
                "id\tsequence\tlabel\n1\tACGTAC\tpos\n2\tTTGA\tneg\n3\tGGCA\tpos\n".getBytes(StandardCharsets.UTF_8),
                "sequence,label\n\"hello, world\",en\nhallo,de\n".getBytes(StandardCharsets.UTF_8)),
                f -> consume(DelimitedReader.read(f, DelimitedOptions.DEFAULTS))));
        out.add(new Target("fasta", "seqs.fa", List.of(
                ">a label=pos\nACGT\nACGG\n>b label=neg\nTTGA\n".getBytes(StandardCharsets.UTF_8),
                ">chr1:1-4|donor\nACGT\n>chr2|acceptor\nTTGA\n".getBytes(StandardCharsets.UTF_8)),
                f -> consume(FastaReader.read(f, FastaLabels.DEFAULT))));
        out.add(new Target("labels", "labels.tsv", List.of("id\tlabel\na\tpos\nb\tneg\n".getBytes(StandardCharsets.UTF_8),
                "a, pos\nb , neg\n# c\n".getBytes(StandardCharsets.UTF_8), "a pos\nb neg\n".getBytes(StandardCharsets.UTF_8)),
                LabelsFile::read));
        out.add(new Target("glove", "vectors.txt", List.of(
                "the 0.1 0.2 0.3\ncat 0.4 -0.5 6e-1\ndog 1 2 3\n".getBytes(StandardCharsets.UTF_8),
                "2 3\r\nthe 0.1 0.2 0.3\r\ncat 1 2 3\r\n".getBytes(StandardCharsets.UTF_8),
                "2 3\rthe 0.1 0.2 0.3\rcat 1 2 3\r".getBytes(StandardCharsets.UTF_8)),
                f -> EmbeddingsReader.load(f, vocab, EmbeddingsOptions.DEFAULTS)));
        out.add(new Target("word2vec-binary", "vectors.bin", List.of(word2vecBinary()),
                f -> EmbeddingsReader.load(f, vocab, EmbeddingsOptions.DEFAULTS)));
        Path v = work.resolve("seed-vocab.json");
        vocab.save(v);
        out.add(new Target("vocabulary", "vocab.json", List.of(Files.readAllBytes(v)), Vocabulary::load));
        out.add(new Target("text", "book.txt", List.of(
                "It was a dark night.\nThe cat sat.\n\nA new paragraph here.\n".getBytes(StandardCharsets.UTF_8)),
                f -> consume(PassageReader.read(f, PassageSplit.lines(), "en"))));
        return out;
    }

    private static void consume(Stream<Example> s) {
        try (s) {
            s.forEach(e -> { });
        }
    }

    private static byte[] safetensorsSeed(Path work) throws IOException {
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("a.weight", Tensor.wrap(Shape.of(2, 3), new float[] {1, 2, 3, 4, 5, 6}));
        t.put("a.bias", Tensor.wrap(Shape.of(2), new float[] {-1, 0.5f}));
        Path f = work.resolve("seed.safetensors");
        SafeTensors.write(f, t, Map.of("format", "pt"));
        return Files.readAllBytes(f);
    }

    /** The config.json of a tiny classifier; mutants are loaded beside its unchanged weights. */
    private static Target classifierConfig(Path work) throws IOException {
        Path dir = work.resolve("classifier");
        List<Example> words = List.of(new Example("1", "en", "hello"), new Example("2", "de", "hallo"),
                new Example("3", "en", "world"), new Example("4", "de", "welt"));
        Encoder chars = EncoderFitter.fit(new EncoderSpec.CharVocabulary(TextCase.LOWER, VocabularyOptions.DEFAULTS), words.stream());
        ClassifierArchitecture a = ClassifierDefaults.architecture(chars, 2, 20).withHiddenSize(5);
        ClassifierModel m = new ClassifierModel(new SequenceClassifier(a, new Rng(3)), chars, LabelSet.of(List.of("de", "en")),
                20, TrainSettings.DEFAULTS);
        ClassifierFiles.save(dir, m, Map.of());
        byte[] seed = Files.readAllBytes(dir.resolve("config.json"));
        return new Target("classifier-config", "config.json", List.of(seed), f -> ClassifierFiles.load(modelDir(f, dir)));
    }

    /** The config.json of a tiny forecaster; mutants are loaded beside its unchanged weights. */
    private static Target forecasterConfig(Path work) throws IOException {
        Path csv = work.resolve("train.csv");
        Files.writeString(csv, seriesCsv(120));
        ForecastSettings s = ForecastSettings.defaults(12, 12, 120).withMembers(2).withHiddenSize(4).withMaxEpochs(1)
                .withPatience(1);
        Path dir = work.resolve("forecaster");
        ForecastModelFiles.save(ForecastTrainer.train(SeriesCsv.read(csv), s, TrainingListener.none()), dir);
        byte[] seed = Files.readAllBytes(dir.resolve("config.json"));
        return new Target("forecaster-config", "config.json", List.of(seed), f -> ForecastModelFiles.load(modelDir(f, dir)));
    }

    /** The folder of {@code config}, holding a copy of {@code model}'s weights. */
    private static Path modelDir(Path config, Path model) throws IOException {
        Path w = config.resolveSibling("model.safetensors");
        if (!Files.exists(w)) {
            Files.copy(model.resolve("model.safetensors"), w);
        }
        return config.getParent();
    }

    static String seriesCsv(int rows) {
        StringBuilder b = new StringBuilder("month,value\n");
        for (int i = 0; i < rows; i++) {
            b.append(String.format("%04d-%02d", 2000 + i / 12, 1 + i % 12)).append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.3f", 10 + 3 * Math.sin(i * Math.PI / 6) + 0.05 * i))
                    .append('\n');
        }
        return b.toString();
    }

    private static byte[] word2vecBinary() {
        String[] w = {"the", "cat"};
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put("2 3\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < w.length; i++) {
            b.put((w[i] + " ").getBytes(StandardCharsets.US_ASCII));
            b.putFloat(0.5f * i).putFloat(-1f).putFloat(2f);
            b.put((byte) '\n');
        }
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }
}
