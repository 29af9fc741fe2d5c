package org.rnn4j.cli;

/** A problem the user can fix, reported as one line and exit code 1, without a stack trace. */
public final class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserException(String message) {
        super(message);
    }
}
