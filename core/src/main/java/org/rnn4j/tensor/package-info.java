/**
 * Dense tensors: {@link org.rnn4j.tensor.Shape}, {@link org.rnn4j.tensor.Tensor} (float32) and
 * {@link org.rnn4j.tensor.IntTensor} (indices, token ids), contiguous and row-major, each owning its
 * array; and {@link org.rnn4j.tensor.Workspace}, an opt-in arena that lets a loop of identical
 * training steps reuse its arrays.
 *
 * <p>No graph and no arithmetic live here (those are {@link org.rnn4j.autograd} and
 * {@link org.rnn4j.ops}); only construction, fill and copy. Factories follow PyTorch:
 * {@code zeros}, {@code ones}, {@code full}, and the seeded {@code randn} / {@code rand}, which take an
 * explicit {@link org.rnn4j.rand.Rng} instead of a global generator.
 *
 * <pre>{@code
 * Tensor x = Tensor.randn(new Rng(0), 5, 3, 8);   // [T=5, B=3, I=8]
 * }</pre>
 */
package org.rnn4j.tensor;
