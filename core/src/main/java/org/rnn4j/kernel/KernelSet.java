package org.rnn4j.kernel;

import java.util.Objects;

/**
 * One implementation of every kernel family: the process-wide selection that {@link Kernels}
 * holds. Built with the scalar references ({@link #scalar()}) or by the vector kernels; the
 * {@code with…} methods replace one family (an instrumented one in a test).
 *
 * @param kind        which implementation this is (an instrumented set keeps its base's kind)
 * @param gemm        matrix products
 * @param elementwise elementwise arithmetic, activations, reductions, softmax
 * @param index       strided copies, gather / scatter, masks, pooling
 * @param loss        fused loss loops
 * @param optimizer   optimizer updates and clipping
 * @param recurrent   recurrent gate steps
 */
public record KernelSet(KernelKind kind, GemmKernels gemm, ElementwiseKernels elementwise, IndexKernels index,
                        LossKernels loss, OptimizerKernels optimizer, RecurrentKernels recurrent) {

    public KernelSet {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(gemm, "gemm");
        Objects.requireNonNull(elementwise, "elementwise");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(recurrent, "recurrent");
    }

    /** The scalar reference of every family. */
    public static KernelSet scalar() {
        return new KernelSet(KernelKind.SCALAR, new ScalarGemmKernels(), new ScalarElementwiseKernels(),
                new ScalarIndexKernels(), new ScalarLossKernels(), new ScalarOptimizerKernels(),
                new ScalarRecurrentKernels());
    }

    public KernelSet withGemm(GemmKernels g) {
        return new KernelSet(kind, g, elementwise, index, loss, optimizer, recurrent);
    }

    public KernelSet withElementwise(ElementwiseKernels e) {
        return new KernelSet(kind, gemm, e, index, loss, optimizer, recurrent);
    }

    public KernelSet withRecurrent(RecurrentKernels r) {
        return new KernelSet(kind, gemm, elementwise, index, loss, optimizer, r);
    }
}
