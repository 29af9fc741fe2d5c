package org.rnn4j.data.encode;

import java.util.Iterator;
import java.util.stream.Stream;
import org.rnn4j.data.InputFormatException;
import org.rnn4j.data.seq.Example;
import org.rnn4j.data.text.TextCase;
import org.rnn4j.data.text.TokenCounts;
import org.rnn4j.data.text.Tokenizers;
import org.rnn4j.data.text.Vocabulary;
import org.rnn4j.data.text.VocabularyOptions;

/**
 * Builds an {@link Encoder} from training examples in one streaming pass: feed every example to
 * {@link #accept}, then call {@link #fit()}. Counts only what the spec can need (both character
 * and word counts for {@link EncoderSpec.Auto}). Empty sequences are an error naming the example.
 */
public final class EncoderFitter {
    private final EncoderSpec spec;
    private final AlphabetStats stats = new AlphabetStats();
    private final TokenCounts chars = new TokenCounts();
    private final TokenCounts words = new TokenCounts();

    public EncoderFitter(EncoderSpec spec) {
        this.spec = spec;
    }

    /** Fits {@code spec} to all of {@code examples}. */
    public static Encoder fit(EncoderSpec spec, Stream<Example> examples) {
        EncoderFitter f = new EncoderFitter(spec);
        Iterator<Example> it = examples.iterator();
        while (it.hasNext()) {
            f.accept(it.next());
        }
        return f.fit();
    }

    public void accept(Example e) {
        if (e.sequence().isEmpty()) {
            throw new InputFormatException(e.source(), "empty sequence for example '" + e.id() + "'");
        }
        stats.accept(e);
        if (spec instanceof EncoderSpec.Auto a) {
            chars.addAll(Tokenizers.chars(e.sequence(), a.charCase()));
            words.addAll(Tokenizers.words(e.sequence(), a.wordCase()));
        } else if (spec instanceof EncoderSpec.CharVocabulary c) {
            chars.addAll(Tokenizers.chars(e.sequence(), c.textCase()));
        } else if (spec instanceof EncoderSpec.WordVocabulary w) {
            words.addAll(Tokenizers.words(e.sequence(), w.textCase()));
        }
    }

    /** What was found in the data (for {@link EncoderSpec.Auto}, the reason for the choice). */
    public AlphabetStats stats() {
        return stats;
    }

    public Encoder fit() {
        if (spec instanceof EncoderSpec.Given g) {
            return g.encoder();
        }
        if (spec instanceof EncoderSpec.CharVocabulary c) {
            return chars(c.textCase(), c.vocabulary());
        }
        if (spec instanceof EncoderSpec.WordVocabulary w) {
            return words(w.textCase(), w.vocabulary());
        }
        EncoderSpec.Auto a = (EncoderSpec.Auto) spec;
        return switch (stats.choice()) {
            case DNA -> new DnaOneHot(a.dna());
            case WORDS -> words(a.wordCase(), a.vocabulary());
            case CHARS -> chars(a.charCase(), a.vocabulary());
        };
    }

    private Chars chars(TextCase textCase, VocabularyOptions options) {
        requireData();
        return new Chars(Vocabulary.build(chars, options), textCase);
    }

    private Words words(TextCase textCase, VocabularyOptions options) {
        requireData();
        return new Words(Vocabulary.build(words, options), textCase);
    }

    private void requireData() {
        if (stats.examples() == 0) {
            throw new IllegalArgumentException("encoder: cannot build a vocabulary from no examples");
        }
    }
}
