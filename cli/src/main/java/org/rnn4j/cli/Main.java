package org.rnn4j.cli;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.rnn4j.kernel.Kernels;

/** Entry point of {@code rnn4j.jar}. */
public final class Main {
    /** The library's notices (e.g. the Vector API is off) shown as one plain line on stderr; held so it is not collected. */
    private static final Logger LIBRARY_LOG = Logger.getLogger("org.rnn4j");

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(CliContext.system(), args));
    }

    /** Runs the tool in-process and returns its exit code (0 ok, 1 runtime error, 2 usage). */
    public static int run(CliContext context, String... args) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        showLibraryNotices();
        Kernels.prepare(); // selects the kernels (a missing Vector API is noticed on stderr) and warms them up
        return Rnn4jCommand.commandLine(context).execute(args);
    }

    private static synchronized void showLibraryNotices() {
        if (LIBRARY_LOG.getUseParentHandlers()) {
            LIBRARY_LOG.setUseParentHandlers(false);
            LIBRARY_LOG.addHandler(new Handler() {
                @Override
                public void publish(LogRecord record) {
                    if (isLoggable(record)) {
                        System.err.println(record.getMessage());
                    }
                }

                @Override
                public void flush() {
                    System.err.flush();
                }

                @Override
                public void close() {
                    flush();
                }
            });
        }
    }
}
