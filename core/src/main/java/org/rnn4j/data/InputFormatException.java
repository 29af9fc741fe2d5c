package org.rnn4j.data;

/**
 * Bad input data: the message names the file, the line and what was wrong, e.g.
 * {@code train.tsv:17: unknown character 'X' at position 5 (policy ERROR accepts A, C, G, T)}.
 */
public final class InputFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final SourceLocation location;
    private final String problem;

    public InputFormatException(SourceLocation location, String problem) {
        this(location, problem, null);
    }

    public InputFormatException(SourceLocation location, String problem, Throwable cause) {
        super(location + ": " + problem, cause);
        this.location = location;
        this.problem = problem;
    }

    /** The file and line. */
    public SourceLocation location() {
        return location;
    }

    /** What was wrong, without the location. */
    public String problem() {
        return problem;
    }
}
