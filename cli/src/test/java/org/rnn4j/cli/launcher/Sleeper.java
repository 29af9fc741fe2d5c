package org.rnn4j.cli.launcher;

/** Stands in for the tool in {@link LauncherSignalTest}: says it is up, then sleeps. */
public final class Sleeper {
    private Sleeper() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("up");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
