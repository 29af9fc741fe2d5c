package org.rnn4j.cli;

/** Entry point of {@code rnn4j.jar}. */
public final class Main {
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
        return Rnn4jCommand.commandLine(context).execute(args);
    }
}
