package org.rnn4j.data.text;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tokens and their ids, with the specials {@code <pad>} = 0 and {@code <unk>} = 1 first. Unknown
 * tokens map to {@code <unk>}. Serialises to JSON as the token array in id order, e.g.
 * {@code ["<pad>","<unk>","the",","]}, for model directories.
 */
public final class Vocabulary {
    public static final String PAD = "<pad>";
    public static final String UNK = "<unk>";
    public static final int PAD_ID = 0;
    public static final int UNK_ID = 1;
    public static final List<String> SPECIALS = List.of(PAD, UNK);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> tokens;
    private final Map<String, Integer> ids;

    private Vocabulary(List<String> all) {
        this.tokens = List.copyOf(all);
        this.ids = new HashMap<>(all.size() * 2);
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.isEmpty()) {
                throw new IllegalArgumentException("vocabulary: token " + i + " is empty");
            }
            if (ids.putIfAbsent(t, i) != null) {
                throw new IllegalArgumentException("vocabulary: token '" + t + "' appears twice (ids " + ids.get(t) + " and " + i + ")");
            }
        }
    }

    /** The specials followed by {@code regular} in that order (which must not contain the specials). */
    public static Vocabulary of(List<String> regular) {
        List<String> all = new ArrayList<>(SPECIALS);
        for (String t : regular) {
            if (SPECIALS.contains(t)) {
                throw new IllegalArgumentException("vocabulary: regular tokens must not include the special '" + t + "'");
            }
            all.add(t);
        }
        return new Vocabulary(all);
    }

    /** The most frequent tokens of {@code counts} (ties in {@link String} order) under {@code options}. */
    public static Vocabulary build(TokenCounts counts, VocabularyOptions options) {
        List<String> regular = new ArrayList<>();
        int room = options.maxSize() - SPECIALS.size();
        for (String t : counts.byFrequency()) {
            if (regular.size() >= room || counts.count(t) < options.minFrequency()) {
                break;
            }
            if (!SPECIALS.contains(t)) {
                regular.add(t);
            }
        }
        return of(regular);
    }

    /** Reads the JSON form: all tokens in id order, starting with {@code <pad>}, {@code <unk>}. */
    @JsonCreator
    public static Vocabulary fromTokens(List<String> tokens) {
        if (tokens.size() < 2 || !tokens.get(0).equals(PAD) || !tokens.get(1).equals(UNK)) {
            throw new IllegalArgumentException("vocabulary: must start with <pad>, <unk>, got "
                    + tokens.subList(0, Math.min(2, tokens.size())));
        }
        return new Vocabulary(tokens);
    }

    /** The id of {@code token}, or {@link #UNK_ID}. */
    public int id(String token) {
        Integer i = ids.get(token);
        return i == null ? UNK_ID : i;
    }

    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    public String token(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IllegalArgumentException("vocabulary: id must be in [0, " + tokens.size() + "), got " + id);
        }
        return tokens.get(id);
    }

    public int size() {
        return tokens.size();
    }

    /** All tokens in id order (the JSON form). */
    @JsonValue
    public List<String> tokens() {
        return tokens;
    }

    public void save(Path path) {
        try {
            JSON.writeValue(path.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write vocabulary " + path + ": " + e.getMessage(), e);
        }
    }

    public static Vocabulary load(Path path) {
        try {
            return JSON.readValue(Files.readAllBytes(path), Vocabulary.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new org.rnn4j.data.InputFormatException(org.rnn4j.data.SourceLocation.file(path.toString()),
                    "invalid vocabulary: " + e.getOriginalMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new org.rnn4j.data.InputFormatException(org.rnn4j.data.SourceLocation.file(path.toString()),
                    "invalid vocabulary: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read vocabulary " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && v.tokens.equals(tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }

    @Override
    public String toString() {
        return "Vocabulary(" + tokens.size() + " tokens)";
    }
}
