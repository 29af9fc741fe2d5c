package org.rnn4j.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * Where a run of the tool writes: results to {@code out}, logs and errors to {@code err}, and
 * progress bars to {@code terminal} when standard error is an interactive terminal.
 *
 * @param out      results (stdout)
 * @param err      progress messages, warnings, errors (stderr)
 * @param terminal the stream under {@code err} when it is a terminal; empty in tests and pipes
 */
public record CliContext(PrintWriter out, PrintWriter err, Optional<PrintStream> terminal) {

    /** The process's own streams; progress bars only when stderr is a terminal. */
    public static CliContext system() {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        return new CliContext(out, err, Terminals.stderrIsTerminal() ? Optional.of(System.err) : Optional.empty());
    }

    /** Writers only, no terminal: for in-process runs and tests. */
    public static CliContext of(PrintWriter out, PrintWriter err) {
        return new CliContext(out, err, Optional.empty());
    }
}
