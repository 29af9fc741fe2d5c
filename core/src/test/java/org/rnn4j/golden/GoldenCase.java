package org.rnn4j.golden;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/**
 * One case file in the ../shared/golden format (see its README): the raw JSON plus typed accessors
 * for TENSOR objects ({@code {"shape": [...], "dtype": ..., "data": [...]}}).
 */
public record GoldenCase(String name, String module, String kind, JsonNode json) {

    public static GoldenCase of(String fileName, JsonNode json) {
        String name = text(json, "name", fileName);
        return new GoldenCase(name, text(json, "module", null), text(json, "kind", null), json);
    }

    private static String text(JsonNode n, String key, String fallback) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    public JsonNode config() {
        return json.path("config");
    }

    public JsonNode section(String name) {
        return json.path(name);
    }

    /** True if {@code section.key} is present and not null. */
    public boolean has(String section, String key) {
        JsonNode n = json.path(section).get(key);
        return n != null && !n.isNull();
    }

    /** The float tensor at {@code section.key}; fails with the case name when absent. */
    public Tensor tensor(String section, String key) {
        JsonNode n = json.path(section).get(key);
        if (n == null || n.isNull()) {
            throw new AssertionError(name + ": missing tensor " + section + "." + key);
        }
        return tensor(n);
    }

    /** The int64 tensor at {@code section.key}, as longs. */
    public long[] longs(String section, String key) {
        JsonNode n = json.path(section).get(key);
        if (n == null || n.isNull()) {
            throw new AssertionError(name + ": missing tensor " + section + "." + key);
        }
        return longs(n);
    }

    /** Parameters in {@code param_order} (state_dict order). */
    public Map<String, Tensor> params() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String p : paramOrder()) {
            out.put(p, tensor("params", p));
        }
        return out;
    }

    public List<String> paramOrder() {
        List<String> order = new ArrayList<>();
        JsonNode po = json.get("param_order");
        if (po != null) {
            po.forEach(n -> order.add(n.asText()));
        } else {
            Iterator<String> it = json.path("params").fieldNames();
            it.forEachRemaining(order::add);
        }
        return order;
    }

    /** Parses a TENSOR object as float32. */
    public static Tensor tensor(JsonNode t) {
        int[] dims = dims(t);
        JsonNode data = t.get("data");
        float[] v = new float[data.size()];
        for (int i = 0; i < v.length; i++) {
            // The values are printed with %.9g: parsing the text as float gives PyTorch's exact float32.
            v[i] = Float.parseFloat(data.get(i).asText());
        }
        return Tensor.wrap(Shape.of(dims), v);
    }

    /** Parses an int64 TENSOR object. */
    public static long[] longs(JsonNode t) {
        JsonNode data = t.get("data");
        long[] v = new long[data.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = data.get(i).asLong();
        }
        return v;
    }

    public static int[] dims(JsonNode t) {
        JsonNode s = t.get("shape");
        int[] dims = new int[s.size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = s.get(i).asInt();
        }
        return dims;
    }
}
