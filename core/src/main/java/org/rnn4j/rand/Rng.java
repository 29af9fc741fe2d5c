package org.rnn4j.rand;

import java.util.SplittableRandom;

/**
 * The seeded random generator every random choice in rnn4j goes through (initialisation, dropout,
 * shuffling, sampling). Pass one explicitly; the same seed gives the same numbers on every run and
 * for any thread count. Not thread-safe: give each thread its own {@link #split()}.
 */
public final class Rng {
    private final SplittableRandom random;
    private double spareNormal = Double.NaN;

    public Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    private Rng(SplittableRandom random) {
        this.random = random;
    }

    /** An independent child generator, itself deterministic given this one's state. */
    public Rng split() {
        return new Rng(random.split());
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return random.nextDouble();
    }

    /** Uniform float in [lo, hi). */
    public float uniform(float lo, float hi) {
        return (float) (lo + (hi - lo) * random.nextDouble());
    }

    /** Uniform int in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Normal(mean, std) by the Box–Muller transform (pairs cached). */
    public float normal(float mean, float std) {
        double z;
        if (!Double.isNaN(spareNormal)) {
            z = spareNormal;
            spareNormal = Double.NaN;
        } else {
            double u1;
            do {
                u1 = random.nextDouble();
            } while (u1 <= 0.0);
            double u2 = random.nextDouble();
            double r = Math.sqrt(-2.0 * Math.log(u1));
            z = r * Math.cos(2 * Math.PI * u2);
            spareNormal = r * Math.sin(2 * Math.PI * u2);
        }
        return (float) (mean + std * z);
    }

    /** True with probability p. */
    public boolean bernoulli(double p) {
        return random.nextDouble() < p;
    }

    /** Fills {@code a} with U(lo, hi). */
    public void fillUniform(float[] a, float lo, float hi) {
        for (int i = 0; i < a.length; i++) {
            a[i] = uniform(lo, hi);
        }
    }

    /** Fills {@code a} with N(mean, std). */
    public void fillNormal(float[] a, float mean, float std) {
        for (int i = 0; i < a.length; i++) {
            a[i] = normal(mean, std);
        }
    }

    /** Fisher–Yates shuffle in place. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** A random permutation of 0..n-1. */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p);
        return p;
    }
}
