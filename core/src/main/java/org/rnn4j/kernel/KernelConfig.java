package org.rnn4j.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The kernels' configuration, read once per process from system properties (the one place where
 * they are read and documented):
 *
 * <table>
 *   <caption>System properties</caption>
 *   <tr><th>property</th><th>values (default first)</th><th>effect</th></tr>
 *   <tr><td>{@code rnn4j.kernels}</td><td>(unset), {@code scalar}, {@code vector}</td>
 *       <td>which kernels run; unset: vector when {@code jdk.incubator.vector} is present, else scalar</td></tr>
 *   <tr><td>{@code rnn4j.threads}</td><td>(all processors), n ≥ 1</td>
 *       <td>threads the kernels use at start; {@link Kernels#setThreads} changes it later</td></tr>
 *   <tr><td>{@code rnn4j.denormals}</td><td>{@code flush}, {@code keep}</td>
 *       <td>{@code keep} stops flushing subnormal results and GEMM inputs to ±0 (see {@link Denormals})</td></tr>
 *   <tr><td>{@code rnn4j.jit.directives}</td><td>{@code true}, {@code false}</td>
 *       <td>{@code false}: {@link Kernels#prepare} installs no C2 compiler directives</td></tr>
 *   <tr><td>{@code rnn4j.spin.micros}</td><td>{@code 1000}, n ≥ 0</td>
 *       <td>how long an idle kernel worker spins before parking</td></tr>
 *   <tr><td>{@code rnn4j.vector.notice}</td><td>{@code true}, {@code false}</td>
 *       <td>{@code false} silences the notice that the Vector API is missing</td></tr>
 * </table>
 *
 * <p>A value that cannot be understood falls back to the default and is named in {@link #problems()}
 * (part of the one start-up notice of {@link Kernels#notice()}).
 *
 * @param kernels            which kernels to select
 * @param threads            the start-up thread count; 0 means one per available processor
 * @param flushDenormals     whether subnormal results are flushed to ±0
 * @param compilerDirectives whether {@link Kernels#prepare} installs the C2 directives of the vector kernels
 * @param spinMicros         how long an idle worker spins before parking, in microseconds
 * @param vectorNotice       whether a missing Vector API is reported
 * @param problems           property values that were not understood, one phrase each
 */
public record KernelConfig(Choice kernels, int threads, boolean flushDenormals, boolean compilerDirectives,
                           long spinMicros, boolean vectorNotice, List<String> problems) {

    /** Which kernels to select. */
    public enum Choice {
        /** Vector kernels when the Vector API is present, scalar otherwise. */
        AUTO,
        /** The scalar reference kernels. */
        SCALAR,
        /** The vector kernels (falls back to scalar, with a notice, when the Vector API is absent). */
        VECTOR
    }

    /** The property names, for messages and documentation. */
    public static final String KERNELS = "rnn4j.kernels";
    public static final String THREADS = "rnn4j.threads";
    public static final String DENORMALS = "rnn4j.denormals";
    public static final String DIRECTIVES = "rnn4j.jit.directives";
    public static final String SPIN_MICROS = "rnn4j.spin.micros";
    public static final String VECTOR_NOTICE = "rnn4j.vector.notice";

    /** The defaults: what an empty set of properties gives. */
    public static final KernelConfig DEFAULTS = new KernelConfig(Choice.AUTO, 0, true, true, 1_000L, true, List.of());

    public KernelConfig {
        Objects.requireNonNull(kernels, "kernels");
        if (threads < 0) {
            throw new IllegalArgumentException("threads: expected >= 0 (0 = all processors), got " + threads);
        }
        if (spinMicros < 0) {
            throw new IllegalArgumentException("spinMicros: expected >= 0, got " + spinMicros);
        }
        problems = List.copyOf(problems);
    }

    private static final class Holder {
        static final KernelConfig CURRENT = from(System::getProperty);
    }

    /** The process's configuration, read from the system properties on first use. */
    public static KernelConfig current() {
        return Holder.CURRENT;
    }

    /** The configuration that {@code property} (name → value, null when unset) describes. */
    public static KernelConfig from(UnaryOperator<String> property) {
        List<String> problems = new ArrayList<>();
        String k = trimmed(property.apply(KERNELS));
        Choice kernels = Choice.AUTO;
        if (k.equals("scalar")) {
            kernels = Choice.SCALAR;
        } else if (k.equals("vector")) {
            kernels = Choice.VECTOR;
        } else if (!k.isEmpty()) {
            problems.add("unknown " + KERNELS + "=" + property.apply(KERNELS) + " (expected scalar or vector)");
        }
        int threads = 0;
        String t = property.apply(THREADS);
        if (t != null) {
            try {
                threads = Integer.parseInt(t.trim());
            } catch (NumberFormatException e) {
                threads = -1;
            }
            if (threads < 1) {
                problems.add("unknown " + THREADS + "=" + t + " (expected a count >= 1)");
                threads = 0;
            }
        }
        boolean flush = !trimmed(property.apply(DENORMALS)).equals("keep");
        boolean directives = !trimmed(property.apply(DIRECTIVES)).equals("false");
        long spin = DEFAULTS.spinMicros();
        String s = property.apply(SPIN_MICROS);
        if (s != null) {
            try {
                spin = Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                spin = -1;
            }
            if (spin < 0) {
                problems.add("unknown " + SPIN_MICROS + "=" + s + " (expected microseconds >= 0)");
                spin = DEFAULTS.spinMicros();
            }
        }
        boolean notice = !trimmed(property.apply(VECTOR_NOTICE)).equals("false");
        return new KernelConfig(kernels, threads, flush, directives, spin, notice, problems);
    }

    private static String trimmed(String v) {
        return v == null ? "" : v.trim().toLowerCase(Locale.ROOT);
    }
}
