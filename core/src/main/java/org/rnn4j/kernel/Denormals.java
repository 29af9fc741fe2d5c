package org.rnn4j.kernel;

/**
 * The kernels' denormal policy in one constant. By default a result or GEMM input whose magnitude
 * is below {@link Float#MIN_NORMAL} is replaced by ±0 (like a CPU in flush-to-zero / denormals-are-zero
 * mode, or PyTorch's {@code set_flush_denormal(True)}): the JVM cannot set those modes, and every
 * arithmetic operation on a subnormal float costs a microcode assist of ~100 cycles.
 *
 * <p>{@code -Drnn4j.denormals=keep} ({@link KernelConfig#flushDenormals()}) turns the flushing off
 * ({@link #FLUSH_BELOW} = 0, so nothing is below it); results then differ from the default only by
 * values below 1.2e-38.
 */
public final class Denormals {
    /** Magnitudes below this are flushed to ±0: {@link Float#MIN_NORMAL}, or 0 with {@code -Drnn4j.denormals=keep}. */
    public static final float FLUSH_BELOW = KernelConfig.current().flushDenormals() ? Float.MIN_NORMAL : 0f;

    private Denormals() {
    }
}
