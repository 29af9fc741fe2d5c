package org.rnn4j.ops;

import org.rnn4j.kernel.Kernels;

/**
 * The numeric backend behind every operation, as a user of the library sees it: which kernels run
 * and how to get them ready. The kernels themselves ({@code org.rnn4j.kernel}) are internal.
 */
public final class Backend {
    private Backend() {
    }

    /**
     * Gets the kernels ready to run fast, once per process (later calls return at once): with the
     * Vector API, installs the compiler directives that keep its values in registers and warms up
     * the matrix product. Results are the same bits without it; the first steps are just slower.
     * Every trainer calls it; call it yourself before timing or serving.
     */
    public static void prepare() {
        Kernels.prepare();
    }

    /** One line saying which kernels are in use (vector or scalar, lanes, threads). */
    public static String describe() {
        return Kernels.describe();
    }
}
