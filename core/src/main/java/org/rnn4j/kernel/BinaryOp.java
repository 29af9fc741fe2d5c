package org.rnn4j.kernel;

/** Elementwise binary arithmetic. */
public enum BinaryOp {
    ADD, SUB, MUL, DIV
}
