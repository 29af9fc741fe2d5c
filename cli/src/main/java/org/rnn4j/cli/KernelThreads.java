package org.rnn4j.cli;

import org.rnn4j.kernel.Kernels;
import picocli.CommandLine;

/** Applies {@code --threads N} to the kernel pool for one command, when given, and restores it after. */
public final class KernelThreads implements AutoCloseable {
    private final int previous;

    private KernelThreads(int previous) {
        this.previous = previous;
    }

    /** Sets the pool to {@code threads} if {@code --threads} was on the command line. */
    public static KernelThreads apply(CommandLine cmd, int threads) {
        int previous = Kernels.threads();
        if (cmd.getParseResult().hasMatchedOption("--threads")) {
            Kernels.setThreads(threads);
        }
        return new KernelThreads(previous);
    }

    @Override
    public void close() {
        Kernels.setThreads(previous);
    }
}
