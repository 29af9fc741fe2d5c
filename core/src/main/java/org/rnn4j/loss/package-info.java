/**
 * Loss functions with {@code torch.nn} semantics ({@code MSELoss}, {@code L1Loss}, {@code CrossEntropyLoss},
 * {@code NLLLoss}, {@code BCEWithLogitsLoss}): immutable records holding the options, each
 * {@code forward} one fused autograd node whose loops live in the library's kernels.
 * Class-index targets are {@link org.rnn4j.tensor.IntTensor}.
 */
package org.rnn4j.loss;
