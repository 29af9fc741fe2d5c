package org.rnn4j.data.encode;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.rnn4j.data.SourceLocation;

/**
 * Turns a sequence into ids and back. Each kind is a record holding all its settings (and, for
 * text, its vocabulary), so a model directory can store it as JSON with a {@code "type"} field
 * ({@code dna_one_hot}, {@code kmer}, {@code chars}, {@code words}).
 *
 * <p>Every encoder yields ids with 0 meaning padding. {@link DnaOneHot} ids are base codes that
 * {@code data.batch} expands to one-hot rows; the others index an {@code Embedding} of
 * {@link #vocabularySize()} rows with {@code padding_idx} 0.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = DnaOneHot.class, name = "dna_one_hot"),
    @JsonSubTypes.Type(value = Kmer.class, name = "kmer"),
    @JsonSubTypes.Type(value = Chars.class, name = "chars"),
    @JsonSubTypes.Type(value = Words.class, name = "words")
})
public sealed interface Encoder permits DnaOneHot, Kmer, Chars, Words {

    /**
     * The ids of {@code sequence} (never empty); bad input (an empty sequence, a character the
     * policy rejects, a sequence shorter than k) is an error naming {@code where}.
     */
    int[] encode(String sequence, SourceLocation where);

    /** {@link #encode(String, SourceLocation)} for sequences built in code. */
    default int[] encode(String sequence) {
        return encode(sequence, SourceLocation.unknown());
    }

    /**
     * The text of {@code ids} (see each encoder for what round-trips exactly). Token-id encoders skip
     * padding ids; {@link DnaOneHot} writes {@code N} for the zero vector.
     */
    String decode(int[] ids);

    InputKind inputKind();

    /** The number of distinct ids, padding included. */
    int vocabularySize();

    /** The model's per-step input width: the one-hot width, or the vocabulary size for token ids. */
    int inputSize();
}
