package org.rnn4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the tool with captured stdout and stderr. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(CliContext.of(new PrintWriter(out, true), new PrintWriter(err, true)), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
