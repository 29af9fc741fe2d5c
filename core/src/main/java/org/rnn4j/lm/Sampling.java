package org.rnn4j.lm;

import java.util.Arrays;
import org.rnn4j.rand.Rng;

/**
 * How the next character is drawn from the logits: divided by {@code temperature} (0 = argmax), kept to
 * the {@code topK} most likely (0 = all), then to the smallest set of most likely ids whose probability
 * reaches {@code topP} (1 = all), renormalised, and drawn by inverse CDF with one uniform number.
 */
public record Sampling(double temperature, int topK, double topP) {
    public Sampling {
        if (!(temperature >= 0) || topK < 0 || !(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("sampling: temperature >= 0, top-k >= 0, top-p in (0, 1]; got "
                    + temperature + ", " + topK + ", " + topP);
        }
    }

    public static Sampling defaults() {
        return new Sampling(0.8, 0, 1.0);
    }

    /** The id drawn from {@code logits} [V] with {@code rng}; {@code probs} is scratch of the same length. */
    public int draw(float[] logits, double[] probs, Rng rng) {
        int v = logits.length;
        int arg = 0;
        for (int i = 1; i < v; i++) {
            if (logits[i] > logits[arg]) {
                arg = i;
            }
        }
        if (temperature == 0) {
            return arg;
        }
        double total = 0;
        for (int i = 0; i < v; i++) {
            probs[i] = Math.exp((logits[i] - logits[arg]) / temperature);
            total += probs[i];
        }
        if (topK > 0 && topK < v || topP < 1) {
            Integer[] order = new Integer[v];
            for (int i = 0; i < v; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> probs[b] != probs[a] ? Double.compare(probs[b], probs[a]) : Integer.compare(a, b));
            int keep = topK > 0 ? Math.min(topK, v) : v;
            double mass = 0;
            int kept = 0;
            for (int r = 0; r < keep; r++) { // the most likely first; stop once top-p of the mass is reached
                mass += probs[order[r]];
                kept = r + 1;
                if (mass >= topP * total) {
                    break;
                }
            }
            for (int r = kept; r < v; r++) {
                probs[order[r]] = 0;
            }
            total = mass;
        }
        double target = rng.nextDouble() * total;
        double cumulative = 0;
        int last = arg;
        for (int i = 0; i < v; i++) {
            if (probs[i] > 0) {
                cumulative += probs[i];
                last = i;
                if (target < cumulative) {
                    return i;
                }
            }
        }
        return last;
    }
}
