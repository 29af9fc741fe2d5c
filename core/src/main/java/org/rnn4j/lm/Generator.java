package org.rnn4j.lm;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.rnn4j.autograd.GradMode;
import org.rnn4j.data.text.CharVocabulary;
import org.rnn4j.nn.recurrent.RecurrentState;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.IntTensor;
import org.rnn4j.tensor.Shape;

/**
 * Text written by a model, one character (code point) at a time: the prompt is primed through the
 * model in one call, then each step feeds the last character from the cached state (nothing of the
 * prefix is recomputed) and draws the next with {@link Sampling}. Stops after {@code length} characters
 * or right after a stop string is completed. The same seed gives the same text.
 */
public final class Generator implements Iterator<Integer> {
    private final CharLanguageModel model;
    private final CharVocabulary vocabulary;
    private final int[] codePoints;
    private final Sampling sampling;
    private final Rng rng;
    private final List<String> stops;
    private final long length;
    private final float[] logits;
    private final double[] probs;
    private final StringBuilder tail = new StringBuilder();
    private RecurrentState state;
    private long produced;
    private boolean stopped;
    private long unknownInPrompt;

    /**
     * @param prompt primed through the model (its unknown characters are skipped and counted); empty = start
     *               from the zero state and the vocabulary's newline (or first character)
     */
    public Generator(CharLanguageModel model, CharVocabulary vocabulary, String prompt, Sampling sampling, long seed, long length,
                     List<String> stops) {
        this.model = model;
        this.vocabulary = vocabulary;
        this.codePoints = vocabulary.codePoints();
        this.sampling = sampling;
        this.rng = new Rng(seed);
        this.stops = List.copyOf(stops);
        this.length = length;
        int v = model.architecture().vocabSize();
        this.logits = new float[v];
        this.probs = new double[v];
        model.eval();
        CharVocabulary.Encoded e = vocabulary.encode(prompt);
        unknownInPrompt = e.unknown();
        int[] ids = e.ids();
        if (ids.length == 0) {
            int nl = vocabulary.id('\n');
            ids = new int[] {nl >= 0 ? nl : 0};
        }
        feed(ids);
    }

    /** Characters of the prompt that are not in the vocabulary (skipped). */
    public long unknownInPrompt() {
        return unknownInPrompt;
    }

    @SuppressWarnings("try") // the scope only switches grad mode off
    private void feed(int[] ids) {
        try (var off = GradMode.disabled()) {
            CharLanguageModel.Output o = model.forward(IntTensor.wrap(Shape.of(1, ids.length), ids), state); // [1, t, V]
            state = o.state();
            float[] all = o.logits().value().data();
            System.arraycopy(all, (ids.length - 1) * logits.length, logits, 0, logits.length);
        }
    }

    @Override
    public boolean hasNext() {
        return !stopped && produced < length;
    }

    /** The next code point. */
    @Override
    public Integer next() {
        if (!hasNext()) {
            throw new NoSuchElementException("generation finished");
        }
        int id = sampling.draw(logits, probs, rng);
        produced++;
        int cp = codePoints[id];
        tail.appendCodePoint(cp);
        for (String s : stops) {
            if (!s.isEmpty() && endsWith(tail, s)) {
                stopped = true;
            }
        }
        if (tail.length() > 256) {
            tail.delete(0, tail.length() - 128);
        }
        if (hasNext()) {
            feed(new int[] {id});
        }
        return cp;
    }

    private static boolean endsWith(StringBuilder sb, String s) {
        int n = sb.length();
        int m = s.length();
        return n >= m && sb.substring(n - m).equals(s);
    }

    /** The whole text this generator writes (consumes it). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        while (hasNext()) {
            sb.appendCodePoint(next());
        }
        return sb.toString();
    }

    public CharVocabulary vocabulary() {
        return vocabulary;
    }
}
