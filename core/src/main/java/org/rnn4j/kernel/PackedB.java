package org.rnn4j.kernel;

/**
 * A right-hand GEMM operand op(B) [k, n] copied once by {@link GemmKernels#packB} into the layout the
 * kernels read fastest, for many products with the same B: a recurrent weight used at every time
 * step. It is a snapshot: after B changes (an optimizer step), pack it again. Only the
 * {@link GemmKernels} instance that packed it can use it.
 */
public interface PackedB {
    /** Rows of op(B) (the inner dimension of the product). */
    int k();

    /** Columns of op(B) (the columns of C). */
    int n();
}
