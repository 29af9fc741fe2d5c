package org.rnn4j.kernel;

/**
 * Matrix products: {@code C (+)= op(A) · op(B)} on row-major float arrays, and products with a
 * right-hand operand packed once for many calls (a recurrent weight used at every time step).
 *
 * <p>Contracts of every kernel family: arrays are addressed by offset and size; nothing allocates
 * data-sized memory unless its documentation says so; an argument is written only where the
 * documentation says so. A method whose name ends in {@code Add} (or that takes
 * {@code accumulate = true}) adds into its output ({@code +=}) instead of overwriting it.
 * {@link ScalarGemmKernels} is the readable reference; the vector twin must match it within
 * float32 rounding of a k-term sum and is tested against it.
 */
public interface GemmKernels {

    /**
     * Products with at most this many rows of op(A) are matrix-vector work: the vector kernels read B
     * unpacked for them, and {@link #gemmPacked} equals {@link #gemm} bitwise only above it.
     */
    int SMALL_ROWS = 4;

    /**
     * {@code C[m, n] (+)= op(A)[m, k] · op(B)[k, n]}.
     *
     * <p>{@code op(A) = A} is stored as rows of length {@code lda} (A[i, p] at {@code aOff + i·lda + p});
     * {@code op(A) = Aᵀ} stores A as [k, m] (A[p, i] at {@code aOff + p·lda + i}). Likewise for B with
     * [k, n] or, transposed, [n, k]. C is [m, n] with row stride {@code ldc}. Writes C only; C must not
     * overlap A or B.
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k,
              float[] a, int aOff, int lda,
              float[] b, int bOff, int ldb,
              float[] c, int cOff, int ldc,
              boolean accumulate);

    /**
     * Two products with one op(A): {@code C1[m, n1] (+)= op(A)[m, k] · B1} and {@code C2[m, n2] (+)= op(A) · B2},
     * with B1 and B2 stored by rows ([k, n1] at stride {@code ldb1}, [k, n2] at {@code ldb2}). The results of
     * two {@link #gemm} calls (for the vector kernels the same bits); a blocked implementation packs op(A)
     * once for both. Writes C1 and C2 only; neither may overlap A, B1, B2 or the other.
     */
    default void gemmPair(boolean transA, int m, int k, float[] a, int aOff, int lda,
                          int n1, float[] b1, int b1Off, int ldb1, float[] c1, int c1Off, int ldc1,
                          int n2, float[] b2, int b2Off, int ldb2, float[] c2, int c2Off, int ldc2,
                          boolean accumulate) {
        gemm(transA, false, m, n1, k, a, aOff, lda, b1, b1Off, ldb1, c1, c1Off, ldc1, accumulate);
        gemm(transA, false, m, n2, k, a, aOff, lda, b2, b2Off, ldb2, c2, c2Off, ldc2, accumulate);
    }

    /**
     * Copies op(B) [k, n] (B stored [k, n], or [n, k] when {@code transB}; row stride {@code ldb}) into
     * a {@link PackedB} for {@link #gemmPacked}. Allocates its result (see the overload with a buffer).
     */
    default PackedB packB(boolean transB, int k, int n, float[] b, int bOff, int ldb) {
        return packB(transB, k, n, b, bOff, ldb, new float[packedBSize(k, n)]);
    }

    /**
     * {@link #packB(boolean, int, int, float[], int, int)} into the caller's {@code into} (length ≥
     * {@link #packedBSize}, any content: every float it uses is written), which the result keeps using;
     * allocates only the small handle.
     */
    PackedB packB(boolean transB, int k, int n, float[] b, int bOff, int ldb, float[] into);

    /** The floats a packed op(B) [k, n] takes: the length {@code packB}'s buffer needs. */
    int packedBSize(int k, int n);

    /**
     * {@code C[m, n] (+)= op(A)[m, k] · B} with B from {@link #packB} of this instance: the same product
     * as {@link #gemm} with the original B (for the vector kernels bitwise the same when m >
     * {@link #SMALL_ROWS}, within float32 rounding otherwise). Writes C only.
     *
     * @throws IllegalArgumentException if {@code b} was packed by another kernels instance type
     */
    void gemmPacked(boolean transA, int m, float[] a, int aOff, int lda, PackedB b,
                    float[] c, int cOff, int ldc, boolean accumulate);}
