package org.rnn4j.cli.classify;

import org.rnn4j.classify.ClassifierDefaults;
import org.rnn4j.data.dna.AmbiguityPolicy;
import org.rnn4j.data.encode.DnaOneHot;
import org.rnn4j.data.encode.EncoderSpec;
import org.rnn4j.data.encode.Kmer;
import org.rnn4j.data.text.TextCase;
import org.rnn4j.data.text.VocabularyOptions;
import picocli.CommandLine.Option;

/** {@code rnn4j classify train} options that choose the encoding. */
public final class EncodingOptions {
    /** The encodings a user can ask for. */
    public enum Encoding { auto, dna, kmer, chars, words }

    /** What DNA encoders do with N and other IUPAC codes. */
    public enum Ambiguous { zero, error }

    @Option(names = "--encoding", paramLabel = "KIND", defaultValue = "auto",
            description = "Input encoding: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: DNA one-hot if the data "
                    + "look like DNA, else words if most examples have several words, else characters).")
    Encoding encoding;

    @Option(names = "--k", converter = org.rnn4j.cli.OptionValues.Positive.class, paramLabel = "K", defaultValue = "3", description = "k-mer length for --encoding kmer (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--stride", converter = org.rnn4j.cli.OptionValues.Positive.class, paramLabel = "S", defaultValue = "1", description = "k-mer stride (default: ${DEFAULT-VALUE}).")
    int stride;

    @Option(names = "--ambiguous", paramLabel = "POLICY", defaultValue = "zero",
            description = "DNA: N and other IUPAC codes become a zero vector (zero) or are an error naming file and line "
                    + "(error, the strict policy) (default: ${DEFAULT-VALUE}).")
    Ambiguous ambiguous;

    @Option(names = "--min-freq", converter = org.rnn4j.cli.OptionValues.Positive.class, paramLabel = "N",
            description = "Text: tokens seen fewer than N times in training become <unk> (default: "
                    + ClassifierDefaults.MIN_FREQUENCY + ").")
    Integer minFreq;

    @Option(names = "--max-vocab", converter = org.rnn4j.cli.OptionValues.Positive.class, paramLabel = "N", description = "Text: keep at most N vocabulary entries, <pad> and <unk> included.")
    Integer maxVocab;

    /** True when the encoding is chosen from the data. */
    public boolean automatic() {
        return encoding == Encoding.auto;
    }

    /** The encoder specification these options ask for. */
    public EncoderSpec spec() {
        AmbiguityPolicy policy = ambiguous == Ambiguous.error ? AmbiguityPolicy.ERROR : AmbiguityPolicy.ZERO;
        EncoderSpec.Auto d = (EncoderSpec.Auto) ClassifierDefaults.ENCODING;
        VocabularyOptions v = new VocabularyOptions(minFreq != null ? minFreq : d.vocabulary().minFrequency(),
                maxVocab != null ? maxVocab : d.vocabulary().maxSize());
        return switch (encoding) {
            case auto -> new EncoderSpec.Auto(policy, d.charCase(), d.wordCase(), v);
            case dna -> new EncoderSpec.Given(new DnaOneHot(policy));
            case kmer -> new EncoderSpec.Given(new Kmer(k, stride, policy));
            case chars -> new EncoderSpec.CharVocabulary(d.charCase(), v);
            case words -> new EncoderSpec.WordVocabulary(TextCase.LOWER, v);
        };
    }
}
