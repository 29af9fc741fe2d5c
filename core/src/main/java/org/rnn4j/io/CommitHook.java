package org.rnn4j.io;

/**
 * A test seam in the commit sequence of {@link ModelDirectory#save}: when the system property
 * {@value #PROPERTY} names one of the {@link Point}s, the JVM halts there ({@link Runtime#halt}, no
 * shutdown hooks, no cleanup), exactly as a power cut or {@code SIGKILL} would stop it. Unset, each
 * call is a field read.
 */
final class CommitHook {
    static final String PROPERTY = "rnn4j.test.haltAt";
    /** Exit status of a halted JVM, so a test can tell the halt from a failure. */
    static final int HALT_STATUS = 86;

    /** The points between the writes of one save. */
    enum Point {
        WEIGHTS_WRITTEN, CONFIG_WRITTEN, OLD_MOVED_ASIDE, NEW_IN_PLACE
    }

    private static final String HALT_AT = System.getProperty(PROPERTY, "");

    private CommitHook() {
    }

    static void reached(Point p) {
        if (!HALT_AT.isEmpty() && HALT_AT.equals(p.name())) {
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }
}
