package org.rnn4j.kernel;

/** Elementwise functions the kernels evaluate, with their derivatives. */
public enum UnaryOp {
    NEG, EXP, LOG, TANH, SIGMOID, RELU
}
