package org.rnn4j.data.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The characters (Unicode code points) of a character language model with stable ids: id {@code i}
 * is the {@code i}-th code point of {@link #chars()} in ascending code-point order, so the same text
 * always gives the same ids. Characters outside the vocabulary are never silently dropped: {@link #encode}
 * leaves them out of the id stream and counts them in {@link Encoded#unknown()}.
 *
 * @param chars every known character once, in ascending code-point order (the form stored in a config)
 */
public record CharVocabulary(String chars) {

    /** An encoded text: the ids of the known characters in order, and how many characters were unknown. */
    public record Encoded(int[] ids, long unknown, String unknownChars) {
        public Encoded {
            if (ids == null || unknown < 0 || unknownChars == null) {
                throw new IllegalArgumentException("encoded text: ids and unknown characters must be given, unknown >= 0");
            }
        }

        /** Characters read: the known and the unknown. */
        public long characters() {
            return ids.length + unknown;
        }
    }

    /** Train and validation ids of one stream, split by position: validation is the stream's last part. */
    public record Split(int[] train, int[] validation) {
        public Split {
            if (train == null || validation == null) {
                throw new IllegalArgumentException("split: both parts must be given");
            }
        }
    }

    public CharVocabulary {
        if (chars == null || chars.isEmpty()) {
            throw new IllegalArgumentException("character vocabulary: needs at least one character");
        }
        int[] cps = chars.codePoints().toArray();
        for (int i = 1; i < cps.length; i++) {
            if (cps[i] <= cps[i - 1]) {
                throw new IllegalArgumentException("character vocabulary: characters must be distinct and in ascending "
                        + "code-point order (position " + i + ")");
            }
        }
    }

    /** Every distinct character of {@code text}. */
    public static CharVocabulary of(CharSequence text) {
        TreeSet<Integer> set = new TreeSet<>();
        text.codePoints().forEach(set::add);
        StringBuilder sb = new StringBuilder();
        set.forEach(sb::appendCodePoint);
        return new CharVocabulary(sb.toString());
    }

    /** The number of ids. */
    public int size() {
        return (int) chars.codePoints().count();
    }

    /** The code point of {@code id}. */
    public int codePoint(int id) {
        return codePoints()[id];
    }

    /** Code points by id. */
    public int[] codePoints() {
        return chars.codePoints().toArray();
    }

    /** The id of {@code codePoint}, or -1 when it is not in the vocabulary. */
    public int id(int codePoint) {
        int i = Arrays.binarySearch(codePoints(), codePoint);
        return i >= 0 ? i : -1;
    }

    /** Ids of {@code text}'s known characters; unknown ones are counted (and listed once each), not mapped. */
    public Encoded encode(CharSequence text) {
        int[] cps = codePoints();
        Map<Integer, Integer> index = new HashMap<>(cps.length * 2);
        for (int i = 0; i < cps.length; i++) {
            index.put(cps[i], i);
        }
        int[] src = text.codePoints().toArray();
        int[] ids = new int[src.length];
        int n = 0;
        long unknown = 0;
        TreeSet<Integer> missing = new TreeSet<>();
        for (int cp : src) {
            Integer id = index.get(cp);
            if (id == null) {
                unknown++;
                missing.add(cp);
            } else {
                ids[n++] = id;
            }
        }
        StringBuilder sb = new StringBuilder();
        missing.forEach(sb::appendCodePoint);
        return new Encoded(Arrays.copyOf(ids, n), unknown, sb.toString());
    }

    /** The text of {@code ids}. */
    public String decode(int[] ids) {
        int[] cps = codePoints();
        StringBuilder sb = new StringBuilder(ids.length);
        for (int id : ids) {
            sb.appendCodePoint(cps[id]);
        }
        return sb.toString();
    }

    /** {@code ids} split by position: the last {@code validationFraction} (rounded down) is validation. */
    public static Split splitByPosition(int[] ids, double validationFraction) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("split: validation fraction must be in (0, 1), got " + validationFraction);
        }
        int cut = ids.length - (int) Math.floor(ids.length * validationFraction);
        return new Split(Arrays.copyOfRange(ids, 0, cut), Arrays.copyOfRange(ids, cut, ids.length));
    }
}
