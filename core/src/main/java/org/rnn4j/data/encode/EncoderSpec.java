package org.rnn4j.data.encode;

import java.util.Objects;
import org.rnn4j.data.dna.AmbiguityPolicy;
import org.rnn4j.data.text.TextCase;
import org.rnn4j.data.text.VocabularyOptions;

/** What encoder to make from training data ({@link EncoderFitter}). */
public sealed interface EncoderSpec {

    /**
     * Chosen from the alphabet found ({@link AlphabetStats#choice()}): {@link DnaOneHot} with
     * {@code dna} if the data look like DNA, else {@link Words} with {@code wordCase} or
     * {@link Chars} with {@code charCase}, their vocabulary built with {@code vocabulary}.
     */
    record Auto(AmbiguityPolicy dna, TextCase charCase, TextCase wordCase, VocabularyOptions vocabulary) implements EncoderSpec {
        public Auto {
            Objects.requireNonNull(dna, "dna");
            Objects.requireNonNull(charCase, "charCase");
            Objects.requireNonNull(wordCase, "wordCase");
            Objects.requireNonNull(vocabulary, "vocabulary");
        }
    }

    /** An encoder that needs no fitting ({@link DnaOneHot}, {@link Kmer}) or was fitted before. */
    record Given(Encoder encoder) implements EncoderSpec {
        public Given {
            Objects.requireNonNull(encoder, "encoder");
        }
    }

    /** {@link Chars} with a character vocabulary built from the data. */
    record CharVocabulary(TextCase textCase, VocabularyOptions vocabulary) implements EncoderSpec {
        public CharVocabulary {
            Objects.requireNonNull(textCase, "textCase");
            Objects.requireNonNull(vocabulary, "vocabulary");
        }
    }

    /** {@link Words} with a word vocabulary built from the data. */
    record WordVocabulary(TextCase textCase, VocabularyOptions vocabulary) implements EncoderSpec {
        public WordVocabulary {
            Objects.requireNonNull(textCase, "textCase");
            Objects.requireNonNull(vocabulary, "vocabulary");
        }
    }

    /**
     * The default: automatic, ambiguity codes as zeros, characters kept as they are, words
     * lower-cased, every token seen at least once.
     */
    EncoderSpec DEFAULT = new Auto(AmbiguityPolicy.ZERO, TextCase.KEEP, TextCase.LOWER, VocabularyOptions.DEFAULTS);
}
