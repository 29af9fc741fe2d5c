package org.rnn4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into the tool's exit codes: a usage error prints one line and a hint, exit 2;
 * a failure while running prints {@code rnn4j: <message>}, exit 1, with the stack trace only
 * under {@code --verbose}.
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int RUNTIME_ERROR = 1;
    static final int USAGE = 2;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("rnn4j: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean verbose = cmd.getCommand() instanceof BaseCommand b && b.common.verbose();
        err.println("rnn4j: " + message(ex));
        if (verbose) {
            ex.printStackTrace(err);
        } else if (!isExpected(ex)) {
            err.println("rnn4j: this looks like a bug; run again with --verbose for the stack trace.");
        }
        err.flush();
        return RUNTIME_ERROR;
    }

    /** Problems with input, files or arguments: the message is all the user needs. */
    static boolean isExpected(Throwable ex) {
        return ex instanceof UserException || ex instanceof IllegalArgumentException || ex instanceof IOException
                || ex instanceof UncheckedIOException || ex instanceof org.rnn4j.train.NonFiniteException;
    }

    /** One line that says what went wrong, naming the file where there is one. */
    static String message(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        if (t instanceof FileSystemException f && f.getReason() == null) {
            String what = t instanceof NoSuchFileException ? "no such file or folder"
                    : t instanceof AccessDeniedException ? "permission denied"
                    : t instanceof FileAlreadyExistsException ? "already exists"
                    : t instanceof NotDirectoryException ? "not a folder"
                    : t instanceof DirectoryNotEmptyException ? "folder not empty"
                    : t.getClass().getSimpleName();
            return f.getFile() + ": " + what;
        }
        String m = t.getMessage();
        if (!isExpected(t)) {
            return "internal error: " + t.getClass().getName() + (m == null ? "" : ": " + firstLine(m));
        }
        return m == null ? t.getClass().getSimpleName() : firstLine(m);
    }

    private static String firstLine(String m) {
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
