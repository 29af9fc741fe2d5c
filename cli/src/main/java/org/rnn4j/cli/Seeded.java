package org.rnn4j.cli;

/**
 * A command whose results depend on random numbers: it keeps the common {@code --seed} option,
 * which every other command drops (predict, eval, inspect, bench, export and import draw none).
 * Declared on the command itself, so a new command that draws random numbers says so where it is
 * written instead of in a list elsewhere.
 */
public interface Seeded {
}
