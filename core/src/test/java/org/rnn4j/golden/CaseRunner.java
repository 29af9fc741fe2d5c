package org.rnn4j.golden;

/** Replays one golden case through the public API and compares; throws {@link AssertionError} on mismatch. */
@FunctionalInterface
public interface CaseRunner {
    void run(GoldenCase c) throws Exception;
}
