package org.rnn4j.kernel.simd;

import static org.rnn4j.kernel.simd.VectorGemm.L;

import org.rnn4j.kernel.KernelConfig;
import org.rnn4j.kernel.KernelKind;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.kernel.ScalarIndexKernels;
import org.rnn4j.kernel.ScalarLossKernels;

/**
 * The Vector API kernels ({@code jdk.incubator.vector}), loaded by {@link org.rnn4j.kernel.Kernels}
 * only when that module is present: vector twins for GEMM, elementwise, optimizer and recurrent
 * kernels; the index and loss families are memory moves and small per-row loops, for which the
 * scalar references are used.
 */
public final class VectorKernels implements KernelProvider {

    public VectorKernels() {
    }

    @Override
    public KernelSet kernels() {
        return new KernelSet(KernelKind.VECTOR, new VectorGemmKernels(), new VectorElementwiseKernels(),
                new ScalarIndexKernels(), new ScalarLossKernels(), new VectorOptimizerKernels(),
                new VectorRecurrentKernels());
    }

    /** Installs the C2 directives ({@link CompileUnits}), then warms the GEMM up ({@link VectorGemm#prime}). */
    @Override
    public void prepare(KernelConfig config) {
        CompileUnits.install(config.compilerDirectives());
        VectorGemm.prime();
    }

    @Override
    public String describe() {
        return "vector kernels (" + L + " float lanes, C2 directives " + CompileUnits.status() + ")";
    }
}
