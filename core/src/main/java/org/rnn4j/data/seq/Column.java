package org.rnn4j.data.seq;

/** How a reader finds one column of a delimited file. */
public sealed interface Column {

    /** The column whose header is {@code name} (compared ignoring case and surrounding spaces). */
    record Named(String name) implements Column {
        public Named {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("column: name must be non-blank, got " + (name == null ? "null" : "\"" + name + "\""));
            }
        }
    }

    /** The {@code number}-th column, counting from 1 (as {@code cut -f} does). */
    record Numbered(int number) implements Column {
        public Numbered {
            if (number < 1) {
                throw new IllegalArgumentException("column: number counts from 1, got " + number);
            }
        }
    }

    /** The first header that matches one of the usual names for this role (see {@link DelimitedOptions}). */
    record Usual() implements Column {
    }

    /** No such column (e.g. unlabelled data to score, or ids taken from line numbers). */
    record Absent() implements Column {
    }

    static Column named(String name) {
        return new Named(name);
    }

    static Column number(int number) {
        return new Numbered(number);
    }

    static Column usual() {
        return new Usual();
    }

    static Column absent() {
        return new Absent();
    }

    /** Parses a command-line value: a number counts from 1, anything else is a header name. */
    static Column parse(String s) {
        String t = s.trim();
        return t.matches("[0-9]+") ? new Numbered(Integer.parseInt(t)) : new Named(t);
    }
}
