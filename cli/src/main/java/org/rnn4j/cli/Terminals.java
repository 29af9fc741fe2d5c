package org.rnn4j.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether standard error is an interactive terminal (decides progress bars). */
final class Terminals {
    /** Set by the launcher script from {@code [ -t 2 ]}: the exact answer. */
    static final String PROPERTY = "rnn4j.stderr.tty";

    private Terminals() {
    }

    static boolean stderrIsTerminal() {
        String told = System.getProperty(PROPERTY);
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        // Without the launcher: Java cannot test stderr itself; a console means an interactive session.
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try { // Java 22+: a console object exists even when redirected; isTerminal() tells.
            Method m = Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(c);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
