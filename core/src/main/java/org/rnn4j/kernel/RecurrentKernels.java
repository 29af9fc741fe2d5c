package org.rnn4j.kernel;

/**
 * Fused per-step kernels of the recurrent layers ({@code org.rnn4j.nn.recurrent}). Rows are
 * contiguous: a gate block of {@code rows} rows has row stride G·H, a state block row stride H.
 * "May alias" means the element is read before it is written, so in-place updates of a running
 * state are allowed. The backward kernels write ±0 for every subnormal result (as
 * {@link ElementwiseKernels#flushDenormals} does): a gradient carried over many steps (dc·f·f·…)
 * decays into the subnormal range, where every operation on it costs a microcode assist; the change
 * is below 1.2e-38 per element. Contracts as in {@link GemmKernels};
 * {@link ScalarRecurrentKernels} is the reference.
 */
public interface RecurrentKernels {

    /** {@code out[outOff + r·ld + c] += bias[bOff + c]} for r < rows, c < cols. Writes {@code out}. */
    void addBiasRows(int rows, int cols, float[] bias, int bOff, float[] out, int outOff, int ld);

    /** {@code dst[dstOff + c] += Σ_r src[srcOff + r·ld + c]} (bias gradients). Writes {@code dst}. */
    void sumRowsAdd(int rows, int cols, float[] src, int srcOff, int ld, float[] dst, int dstOff);

    /**
     * Simple-RNN backward for {@code n} contiguous elements: {@code dPre = (dh + dy) · act'(h)} where
     * {@code h = act(pre)} (act = TANH or RELU). Writes {@code dPre} only.
     */
    void rnnGatesBackward(UnaryOp act, int n, float[] h, int hOff, float[] dh, int dhOff,
                          float[] dy, int dyOff, float[] dPre, int dPreOff);

    /**
     * LSTM step, gate order [i, f, g, o]. {@code gates} [rows, 4H]: in pre-activations, out
     * σ(i), σ(f), tanh(g), σ(o). {@code c' = f·cPrev + i·g} into {@code cOut} [rows, H] (may alias
     * {@code cPrev}); {@code tanhC} [rows, H] = tanh(c'); {@code h} [rows, H] = o·tanh(c').
     */
    void lstmGatesForward(int rows, int hidden, float[] gates, int gOff, float[] cPrev, int cpOff,
                          float[] cOut, int coOff, float[] tanhC, int tcOff, float[] h, int hOff);

    /**
     * LSTM step backward. {@code act} [rows, 4H] holds the activations written by
     * {@link #lstmGatesForward}; {@code dh} [rows, H] is dL/dh'; {@code dc} [rows, H] is dL/dc' from
     * later steps on entry and dL/dcPrev on exit. Writes {@code dc} and {@code dGates} [rows, 4H]
     * (gradients of the pre-activations).
     */
    void lstmGatesBackward(int rows, int hidden, float[] act, int aOff, float[] cPrev, int cpOff,
                           float[] tanhC, int tcOff, float[] dh, int dhOff, float[] dc, int dcOff,
                           float[] dGates, int dgOff);

    /**
     * GRU step, gate order [r, z, n]. {@code gates} [rows, 3H]: in {@code W_ih·x + b_ih} with the r, z
     * parts of {@code b_hh} already added; out r, z, n. {@code gh} [rows, 3H] = {@code W_hh·h} (no bias);
     * {@code bhn} [H] is the n part of {@code b_hh} or {@code null}. {@code r = σ(a_r + gh_r)},
     * {@code z = σ(a_z + gh_z)}, {@code n = tanh(a_n + r·(gh_n + b_hn))}, {@code h' = (1−z)·n + z·hPrev}
     * into {@code hOut} [rows, H] (may alias {@code hPrev}); {@code ghn} [rows, H] = gh_n + b_hn.
     */
    void gruGatesForward(int rows, int hidden, float[] gates, int gOff, float[] gh, int ghOff,
                         float[] bhn, int bhnOff, float[] hPrev, int hpOff, float[] hOut, int hoOff,
                         float[] ghn, int ghnOff);

    /**
     * GRU step backward. {@code act} [rows, 3H] = r, z, n; {@code ghn} [rows, H]; {@code dh} [rows, H]
     * = dL/dh'. Writes {@code dA} [rows, 3H] (grads of W_ih·x + b_ih), {@code dGh} [rows, 3H] (grads of
     * W_hh·h + b_hh) and {@code dhPrev} [rows, H] = z·dh, the direct path to the previous state (may
     * alias {@code dh}).
     */
    void gruGatesBackward(int rows, int hidden, float[] act, int aOff, float[] ghn, int ghnOff,
                          float[] hPrev, int hpOff, float[] dh, int dhOff, float[] dA, int daOff,
                          float[] dGh, int dghOff, float[] dhPrev, int dhpOff);}
