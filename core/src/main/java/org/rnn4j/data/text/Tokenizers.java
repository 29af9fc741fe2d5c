package org.rnn4j.data.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two text tokenizations.
 *
 * <p><b>Words</b>: a word is a run of letters, combining marks and digits, with single inner
 * apostrophes ({@code don't}, {@code man's}, {@code l'homme}); every other non-space character is a
 * token by itself ({@code ,} {@code .} {@code -}); whitespace separates and is dropped. So
 * {@code "Well-known, isn't it?"} gives {@code Well - known , isn't it ?}.
 *
 * <p><b>Characters</b>: one token per Unicode code point, whitespace included.
 */
public final class Tokenizers {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:['\u2019][\\p{L}\\p{M}\\p{N}]+)*|[^\\s\\p{L}\\p{M}\\p{N}]");

    private Tokenizers() {
    }

    public static List<String> words(String text, TextCase textCase) {
        Matcher m = WORD.matcher(textCase.apply(text));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    public static List<String> chars(String text, TextCase textCase) {
        String t = textCase.apply(text);
        List<String> out = new ArrayList<>(t.length());
        t.codePoints().forEach(cp -> out.add(Character.toString(cp)));
        return out;
    }

    /** Whether {@code text} has at least two words (cheap; for choosing an encoding). */
    public static boolean hasTwoWords(String text) {
        Matcher m = WORD.matcher(text);
        return m.find() && m.find();
    }
}
