package org.rnn4j.data.batch;

import org.rnn4j.tensor.IntTensor;
import org.rnn4j.tensor.Tensor;

/** The padded input of a batch, batch-first. Positions at or after a sequence's length are zero. */
public sealed interface BatchInput {

    /** Token ids [B, T], padded with {@code <pad>} = 0, for an {@code Embedding}. */
    record TokenIds(IntTensor ids) implements BatchInput {
        public TokenIds {
            if (ids.rank() != 2) {
                throw new IllegalArgumentException("batch input: token ids must be [B, T], got " + ids.shape());
            }
        }
    }

    /** One-hot rows [B, T, F], padded with zero rows. */
    record OneHot(Tensor x) implements BatchInput {
        public OneHot {
            if (x.rank() != 3) {
                throw new IllegalArgumentException("batch input: one-hot input must be [B, T, F], got " + x.shape());
            }
        }
    }
}
