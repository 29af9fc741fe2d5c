package org.rnn4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Checks a command's output paths before any work starts, so a run that would fail to save fails
 * at once, naming the option and the path: a file must not be an existing folder, a folder must not
 * be an existing file, and the nearest existing parent must be a folder the user can write to.
 * Problems are usage errors (exit 2). Null paths (options not given) are skipped.
 */
public final class OutputPaths {
    private final CommandLine cmd;

    private OutputPaths(CommandLine cmd) {
        this.cmd = cmd;
    }

    /** Checks for the command {@code cmd}; chain {@link #file} and {@link #folder}. */
    public static OutputPaths of(CommandLine cmd) {
        return new OutputPaths(cmd);
    }

    /** {@code path} will be written as a file (replaced if it exists). */
    public OutputPaths file(String option, Path path) {
        if (path == null) {
            return this;
        }
        if (Files.isDirectory(path)) {
            throw fail(option, path, "is a folder; " + option + " takes a file name (such as "
                    + path.resolve(defaultName(option)) + ")");
        }
        if (Files.exists(path) && !Files.isWritable(path)) {
            throw fail(option, path, "exists and cannot be written (permission denied)");
        }
        parent(option, path);
        return this;
    }

    /** {@code path} will be written as a folder (created if needed, its files replaced). */
    public OutputPaths folder(String option, Path path) {
        if (path == null) {
            return this;
        }
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw fail(option, path, "is a file; " + option + " takes a folder (created if needed)");
        }
        if (Files.isDirectory(path) && !Files.isWritable(path)) {
            throw fail(option, path, "folder cannot be written (permission denied)");
        }
        parent(option, path);
        return this;
    }

    /** The nearest existing parent of {@code path} must be a writable folder. */
    private void parent(String option, Path path) {
        Path p = path.toAbsolutePath().getParent();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p == null) {
            return;
        }
        if (!Files.isDirectory(p)) {
            throw fail(option, path, p + " is a file, not a folder");
        }
        if (!Files.isWritable(p)) {
            throw fail(option, path, "cannot create it in " + p + " (permission denied)");
        }
    }

    private static String defaultName(String option) {
        return option.contains("plot") ? "plot.png" : "out.csv";
    }

    private ParameterException fail(String option, Path path, String problem) {
        return new ParameterException(cmd, option + " " + path + ": " + problem);
    }
}
