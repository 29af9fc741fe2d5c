package org.rnn4j.data.encode;

import java.util.List;
import java.util.Objects;
import org.rnn4j.data.InputFormatException;
import org.rnn4j.data.SourceLocation;
import org.rnn4j.data.text.TextCase;
import org.rnn4j.data.text.Tokenizers;
import org.rnn4j.data.text.Vocabulary;

/**
 * Text as Unicode code points (whitespace included) looked up in a character vocabulary; unknown
 * characters become {@code <unk>}. {@code decode(encode(s))} is {@code s} (after {@link TextCase})
 * when every character is in the vocabulary; {@code <unk>} decodes to U+FFFD.
 */
public record Chars(Vocabulary vocabulary, TextCase textCase) implements Encoder {
    public static final String UNKNOWN_CHAR = "\uFFFD";

    public Chars {
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(textCase, "textCase");
    }

    @Override
    public int[] encode(String sequence, SourceLocation where) {
        if (sequence.isEmpty()) {
            throw new InputFormatException(where, "empty sequence");
        }
        List<String> chars = Tokenizers.chars(sequence, textCase);
        int[] ids = new int[chars.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vocabulary.id(chars.get(i));
        }
        return ids;
    }

    @Override
    public String decode(int[] ids) {
        StringBuilder sb = new StringBuilder(ids.length);
        for (int id : ids) {
            if (id != Vocabulary.PAD_ID) {
                sb.append(id == Vocabulary.UNK_ID ? UNKNOWN_CHAR : vocabulary.token(id));
            }
        }
        return sb.toString();
    }

    @Override
    public InputKind inputKind() {
        return InputKind.TOKEN_IDS;
    }

    @Override
    public int vocabularySize() {
        return vocabulary.size();
    }

    @Override
    public int inputSize() {
        return vocabulary.size();
    }
}
