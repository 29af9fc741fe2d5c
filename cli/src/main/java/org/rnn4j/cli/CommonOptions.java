package org.rnn4j.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options every command takes: seed, threads, verbosity, JSON output. */
public final class CommonOptions {
    /** The default seed: runs are reproducible unless told otherwise. */
    public static final long DEFAULT_SEED = 42;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed; the same seed gives the same results (default: ${DEFAULT-VALUE}).")
    long seed = DEFAULT_SEED;

    private int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--json", description = "Print results as JSON on stdout.")
    boolean json;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Verbosity verbosity = new Verbosity();

    static final class Verbosity {
        @Option(names = {"-q", "--quiet"}, description = "No progress bars or messages on stderr, only errors.")
        boolean quiet;

        @Option(names = {"-v", "--verbose"}, description = "More messages; stack traces for errors.")
        boolean verbose;
    }

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads for computation (default: the number of cores).")
    void setThreads(int n) {
        if (n < 1) {
            throw new ParameterException(mixee.commandLine(), "--threads must be at least 1, got " + n);
        }
        threads = n;
    }

    public long seed() {
        return seed;
    }

    public int threads() {
        return threads;
    }

    public boolean json() {
        return json;
    }

    public boolean quiet() {
        return verbosity != null && verbosity.quiet;
    }

    public boolean verbose() {
        return verbosity != null && verbosity.verbose;
    }
}
