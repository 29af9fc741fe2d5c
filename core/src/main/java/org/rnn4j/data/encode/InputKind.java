package org.rnn4j.data.encode;

/** What a model receives from an {@link Encoder}. */
public enum InputKind {
    /** Token ids [B, T] for an {@code Embedding} (id 0 = {@code <pad>}). */
    TOKEN_IDS,
    /** Dense one-hot vectors [B, T, F] fed straight to the recurrent layer. */
    ONE_HOT
}
