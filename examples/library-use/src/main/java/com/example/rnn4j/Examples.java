package com.example.rnn4j;

/** What the examples share. */
final class Examples {
    private Examples() {
    }

    /** Exits with status 1 and a message on stderr unless {@code ok}: the examples double as CI checks. */
    static void check(boolean ok, String what) {
        if (!ok) {
            System.err.println("FAILED: " + what);
            System.exit(1);
        }
    }
}
