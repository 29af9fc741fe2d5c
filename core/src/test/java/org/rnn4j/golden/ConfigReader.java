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
    private final Set<String> read = new HashSet<>();

    ConfigReader(GoldenCase c) {
        this.c = c;
        this.cfg = c.config();
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
                default -> throw new AssertionError(c.name() + ": config." + key + " is not a number: " + n);
            };
        }
        if (!n.isNumber()) {
            throw new AssertionError(c.name() + ": config." + key + " is not a number: " + n);
        }
        return n.asDouble();
    }

    /** A number that must be present. */
    double num(String key) {
        if (node(key) == null) {
            throw new AssertionError(c.name() + ": config." + key + " is required");
        }
        return num(key, Double.NaN);
    }

    boolean bool(String key, boolean fallback) {
        JsonNode n = node(key);
        if (n == null) {
            return fallback;
        }
        if (!n.isBoolean()) {
            throw new AssertionError(c.name() + ": config." + key + " is not a boolean: " + n);
        }
        return n.asBoolean();
    }

    /** Accepts the implementation flags (null or boolean) without effect on the maths. */
    void implementationFlags() {
        for (String k : IMPLEMENTATION_FLAGS) {
            JsonNode n = node(k);
            if (n != null && !n.isBoolean()) {
                throw new AssertionError(c.name() + ": config." + k + " is not a boolean or null: " + n);
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
            throw new AssertionError(c.name() + ": unsupported config keys " + unknown + " for " + c.module());
        }
    }
}
