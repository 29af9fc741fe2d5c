package org.rnn4j.rand;

/**
 * The seeded random generator every random choice in rnn4j goes through (initialisation, dropout,
 * shuffling, sampling). Pass one explicitly; the same seed gives the same numbers on every run and
 * for any thread count. Not thread-safe: give each thread its own {@link #split()}.
 *
 * <p>The numbers are those of {@code java.util.SplittableRandom} (SplitMix64: the same seed gives
 * the same sequence and the same splits), written out here so that the generator's state can be
 * captured and restored ({@link #state()}, {@link #of(State)}) for an exact resume.
 */
public final class Rng {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long seed;
    private long gamma;
    private double spareNormal = Double.NaN;

    /**
     * The generator's whole state, as a value.
     *
     * @param seed        SplitMix64's current seed
     * @param gamma       its (odd) increment
     * @param spareNormal the cached second normal of a Box–Muller pair, NaN when none
     */
    public record State(long seed, long gamma, double spareNormal) {
        public State {
            if ((gamma & 1L) == 0) {
                throw new IllegalArgumentException("rng state: gamma must be odd, got " + gamma);
            }
        }
    }

    public Rng(long seed) {
        this(seed, GOLDEN_GAMMA);
    }

    private Rng(long seed, long gamma) {
        this.seed = seed;
        this.gamma = gamma;
    }

    /** A generator that continues exactly where the one that gave {@code s} was. */
    public static Rng of(State s) {
        Rng r = new Rng(s.seed(), s.gamma());
        r.spareNormal = s.spareNormal();
        return r;
    }

    /** Continues from {@code s} in place: this generator then draws what the one that gave {@code s} would have. */
    public void restore(State s) {
        seed = s.seed();
        gamma = s.gamma();
        spareNormal = s.spareNormal();
    }

    /** This generator's state; {@link #of(State)} continues from it. */
    public State state() {
        return new State(seed, gamma, spareNormal);
    }

    /** An independent child generator, itself deterministic given this one's state. */
    public Rng split() {
        return new Rng(nextLong(), mixGamma(nextSeed()));
    }

    private long nextSeed() {
        return seed += gamma;
    }

    private long nextLong() {
        return mix64(nextSeed());
    }

    private int nextInt() {
        return mix32(nextSeed());
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    private static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L; // odd
        int n = Long.bitCount(z ^ (z >>> 1)); // enough bit transitions
        return n < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform float in [lo, hi). */
    public float uniform(float lo, float hi) {
        return (float) (lo + (hi - lo) * nextDouble());
    }

    /** Uniform int in [0, bound). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("rng: bound must be positive, got " + bound);
        }
        int r = nextInt();
        int m = bound - 1;
        if ((bound & m) == 0) { // a power of two: the low bits
            return r & m;
        }
        for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = nextInt() >>> 1) { // reject the biased top
        }
        return r;
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
                u1 = nextDouble();
            } while (u1 <= 0.0);
            double u2 = nextDouble();
            double r = Math.sqrt(-2.0 * Math.log(u1));
            z = r * Math.cos(2 * Math.PI * u2);
            spareNormal = r * Math.sin(2 * Math.PI * u2);
        }
        return (float) (mean + std * z);
    }

    /** True with probability p. */
    public boolean bernoulli(double p) {
        return nextDouble() < p;
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
            int j = nextInt(i + 1);
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
