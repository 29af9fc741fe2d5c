package org.rnn4j.golden;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a case's {@code config} key by key and remembers which keys were read, so that
 * {@link #requireAllRead()} fails on any key the runner does not interpret (never silently ignored).
 */
final class ConfigReader {
    /** torch.optim flags that choose an implementation, not the maths; accepted when null or a boolean. */
    static final Set<String> IMPLEMENTATION_FLAGS = Set.of("foreach", "capturable", "differentiable", "fused");

    private final GoldenCase c;
    private final JsonNode cfg;
    private final String where;
    private final Set<String> read = new HashSet<>();

    ConfigReader(GoldenCase c) {
        this.c = c;
        this.cfg = c.config();
        this.where = "config.";
    }

    /** Reads the object {@code config.section} (e.g. the {@code rnn} part of an end-to-end case); it must exist. */
    ConfigReader(GoldenCase c, String section) {
        this.c = c;
        this.cfg = c.config().get(section);
        this.where = "config." + section + ".";
        if (cfg == null || !cfg.isObject()) {
            throw new AssertionError(c.name() + ": config." + section + " is missing or not an object");
        }
    }

    JsonNode node(String key) {
        read.add(key);
        JsonNode n = cfg.get(key);
        return n == null || n.isNull() ? null : n;
    }

    double num(String key, double fallback) {
        JsonNode n = node(key);
        if (n == null) {
            return fallback;
        }
        if (n.isTextual()) {
            return switch (n.asText()) {
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                case "nan" -> Double.NaN;
                default -> throw new AssertionError(c.name() + ": " + where + key + " is not a number: " + n);
            };
        }
        if (!n.isNumber()) {
            throw new AssertionError(c.name() + ": " + where + key + " is not a number: " + n);
        }
        return n.asDouble();
    }

    /** A number that must be present. */
    double num(String key) {
        if (node(key) == null) {
            throw new AssertionError(c.name() + ": " + where + key + " is required");
        }
        return num(key, Double.NaN);
    }

    /** An integer that must be present. */
    int integer(String key) {
        double v = num(key);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new AssertionError(c.name() + ": " + where + key + " is not an integer: " + v);
        }
        return (int) v;
    }

    int integer(String key, int fallback) {
        return node(key) == null ? fallback : integer(key);
    }

    /** A string that must be present. */
    String text(String key) {
        JsonNode n = node(key);
        if (n == null || !n.isTextual()) {
            throw new AssertionError(c.name() + ": " + where + key + " must be a string, got " + n);
        }
        return n.asText();
    }

    String text(String key, String fallback) {
        return node(key) == null ? fallback : text(key);
    }

    boolean bool(String key, boolean fallback) {
        JsonNode n = node(key);
        if (n == null) {
            return fallback;
        }
        if (!n.isBoolean()) {
            throw new AssertionError(c.name() + ": " + where + key + " is not a boolean: " + n);
        }
        return n.asBoolean();
    }

    /** Accepts the implementation flags (null or boolean) without effect on the maths. */
    void implementationFlags() {
        for (String k : IMPLEMENTATION_FLAGS) {
            JsonNode n = node(k);
            if (n != null && !n.isBoolean()) {
                throw new AssertionError(c.name() + ": " + where + k + " is not a boolean or null: " + n);
            }
        }
    }

    /** Fails if the config holds a key that was never read. */
    void requireAllRead() {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = cfg.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!read.contains(k)) {
                unknown.add(k);
            }
        }
        if (!unknown.isEmpty()) {
            throw new AssertionError(c.name() + ": unsupported keys " + unknown + " in " + where.substring(0, where.length() - 1) + " for " + c.module());
        }
    }
}
