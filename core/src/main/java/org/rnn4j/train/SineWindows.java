package org.rnn4j.train;

/**
 * The sine tutorial's data: {@code float32(sin(linspace(start, start + span, points)))}, computed in
 * double exactly as NumPy does ({@code start + i·step} with {@code step = span / (points - 1)}, the
 * last point set to {@code start + span}) and then rounded to float.
 */
public final class SineWindows {
    /** Points per window in the tutorial. */
    public static final int POINTS = 50;
    /** Width of a window on the time axis in the tutorial. */
    public static final double SPAN = 10.0;

    private SineWindows() {
    }

    /** {@code numpy.linspace(start, start + span, points)}. */
    public static double[] times(double start, double span, int points) {
        if (points < 2) {
            throw new IllegalArgumentException("sine window: points must be at least 2, got " + points);
        }
        double stop = start + span;
        double step = (stop - start) / (points - 1);
        double[] t = new double[points];
        for (int i = 0; i < points; i++) {
            t[i] = i * step + start;
        }
        t[points - 1] = stop;
        return t;
    }

    /** {@code float32(sin(linspace(start, start + span, points)))}. */
    public static float[] window(double start, double span, int points) {
        double[] t = times(start, span, points);
        float[] w = new float[points];
        for (int i = 0; i < points; i++) {
            w[i] = (float) Math.sin(t[i]);
        }
        return w;
    }

    /** The tutorial's window: 50 points over [start, start + 10]. */
    public static float[] window(double start) {
        return window(start, SPAN, POINTS);
    }
}
