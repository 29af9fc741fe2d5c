package org.rnn4j.golden;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.Parameter;
import org.rnn4j.rand.Rng;

/**
 * Kind {@code params_only}: parameter names, order, shapes and count of a freshly built module, and
 * that the seeded default initialisation stays inside the recorded uniform bounds.
 */
final class ParamsOnlyCases {
    private ParamsOnlyCases() {
    }

    static void run(GoldenCase c) {
        Module m = RecurrentHarness.build(c, new Rng(c.json().path("seed").asLong(0)));
        RecurrentHarness.checkParamOrder(c, m);
        Map<String, Parameter> params = m.namedParameters();
        JsonNode shapes = c.json().path("param_shapes");
        Iterator<String> names = shapes.fieldNames();
        int count = 0;
        while (names.hasNext()) {
            String n = names.next();
            count++;
            Parameter p = params.get(n);
            if (p == null) {
                throw new AssertionError(c.name() + ": missing parameter " + n);
            }
            long[] expected = GoldenCase.longs(shapes.get(n).isObject() ? shapes.get(n) : wrap(shapes.get(n)));
            long[] actual = java.util.Arrays.stream(p.value().dims()).asLongStream().toArray();
            Compare.exact(c, "param_shapes." + n, expected, actual);
        }
        if (count != params.size()) {
            throw new AssertionError(c.name() + ": " + params.size() + " parameters, param_shapes lists " + count);
        }
        long num = c.json().path("num_parameters").asLong(-1);
        if (num != m.numParameters()) {
            throw new AssertionError(c.name() + ": num_parameters " + m.numParameters() + ", expected " + num);
        }
        JsonNode init = c.json().path("init");
        if (!init.isMissingNode()) {
            if (!"uniform".equals(init.path("distribution").asText())) {
                throw new AssertionError(c.name() + ": unexpected init distribution " + init.path("distribution"));
            }
            double lo = init.path("low").asDouble();
            double hi = init.path("high").asDouble();
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (Map.Entry<String, Parameter> e : params.entrySet()) {
                for (float v : e.getValue().value().data()) {
                    if (!(v >= (float) lo && v <= (float) hi)) {
                        throw new AssertionError(c.name() + ": " + e.getKey() + " holds " + v + " outside U(" + lo + ", " + hi + ")");
                    }
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            if (!(max > min)) {
                throw new AssertionError(c.name() + ": initial parameters are all equal (" + min + ")");
            }
        }
    }

    /** param_shapes values are plain arrays [d0, d1]; view one as a TENSOR-like node for parsing. */
    private static JsonNode wrap(JsonNode dims) {
        com.fasterxml.jackson.databind.node.ObjectNode o = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        o.set("data", dims);
        return o;
    }
}
