package org.rnn4j.data.encode;

import java.util.List;
import java.util.Objects;
import org.rnn4j.data.InputFormatException;
import org.rnn4j.data.SourceLocation;
import org.rnn4j.data.text.TextCase;
import org.rnn4j.data.text.Tokenizers;
import org.rnn4j.data.text.Vocabulary;

/**
 * Text as word tokens ({@link Tokenizers#words}) looked up in a vocabulary; unknown words become
 * {@code <unk>}. {@code decode} joins tokens with one space, so {@code decode(encode(s))} equals
 * {@code String.join(" ", Tokenizers.words(s, textCase))} when every word is in the vocabulary.
 */
public record Words(Vocabulary vocabulary, TextCase textCase) implements Encoder {

    public Words {
        Objects.requireNonNull(vocabulary, "vocabulary");
        Objects.requireNonNull(textCase, "textCase");
    }

    @Override
    public int[] encode(String sequence, SourceLocation where) {
        List<String> words = Tokenizers.words(sequence, textCase);
        if (words.isEmpty()) {
            throw new InputFormatException(where, sequence.isEmpty() ? "empty sequence" : "no words in the text");
        }
        int[] ids = new int[words.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vocabulary.id(words.get(i));
        }
        return ids;
    }

    @Override
    public String decode(int[] ids) {
        StringBuilder sb = new StringBuilder();
        for (int id : ids) {
            if (id != Vocabulary.PAD_ID) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(vocabulary.token(id));
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
