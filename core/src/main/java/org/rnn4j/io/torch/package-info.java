/**
 * PyTorch checkpoints in: {@link org.rnn4j.io.torch.TorchCheckpoint} reads the state_dict of a
 * {@code torch.save} file through an allowlisting unpickler that never executes the file.
 */
package org.rnn4j.io.torch;
