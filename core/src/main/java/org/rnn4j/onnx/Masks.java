package org.rnn4j.onnx;

/**
 * The valid-step mask of a time-major batch and the poolings that read it: {@code mask[t, b] = t <
 * lengths[b]}. Built lazily, once per graph, and shared by the members of an ensemble.
 */
final class Masks {
    private final OnnxGraph g;
    private final String xt;      // [T, B, …] time-major input
    private final String lengths; // int32 [B]
    private String steps;         // int64 [T]: 0 .. T-1
    private String timeBatch;     // int64 [2]: (T, B)
    private String mask;          // bool [T, B, 1]
    private String lengthsF;      // float [B, 1]

    Masks(OnnxGraph g, String xt, String lengths) {
        this.g = g;
        this.xt = xt;
        this.lengths = lengths;
    }

    /** 0 .. T-1 as int64 [T]. */
    String steps() {
        if (steps == null) {
            String t1 = g.op("Shape").in(xt).out("steps_1").attr("start", 0L).attr("end", 1L).add1();
            String t = g.op("Squeeze").in(t1, g.int64s("axes", 0)).out("steps_count").add1();
            String zero = g.op("Squeeze").in(g.int64s("zero", 0), g.int64s("axes", 0)).out("zero_scalar").add1();
            String one = g.op("Squeeze").in(g.int64s("one", 1), g.int64s("axes", 0)).out("one_scalar").add1();
            steps = g.op("Range").in(zero, t, one).out("step_index").add1();
        }
        return steps;
    }

    /** (T, B) as int64 [2]. */
    String timeBatch() {
        if (timeBatch == null) {
            timeBatch = g.op("Shape").in(xt).out("time_batch").attr("start", 0L).attr("end", 2L).add1();
        }
        return timeBatch;
    }

    /** Sum over valid steps / length: [T, B, F] → [B, F]. */
    String mean(String y) {
        String m = g.op("Cast").in(mask()).out("mask_float").attr("to", (long) OnnxGraph.FLOAT).add1();
        String masked = g.op("Mul").in(y, m).out("masked").add1();
        String sum = g.op("ReduceSum").in(masked, g.int64s("axes", 0)).out("valid_sum").attr("keepdims", 0L).add1();
        return g.op("Div").in(sum, lengthsFloat()).out("mean").add1();
    }

    /** Maximum over valid steps: [T, B, F] → [B, F]. */
    String max(String y) {
        String masked = g.op("Where").in(mask(), y, g.scalar("minus_inf", Float.NEGATIVE_INFINITY)).out("masked_max").add1();
        return g.op("ReduceMax").in(masked).out("max").attr("axes", new long[] {0}).attr("keepdims", 0L).add1();
    }

    private String mask() {
        if (mask == null) {
            String t = g.op("Unsqueeze").in(steps(), g.int64s("axes", 1)).out("step_t1").add1();                 // [T, 1]
            String len = g.op("Cast").in(lengths).out("lengths_int64").attr("to", (long) OnnxGraph.INT64).add1();
            String len1 = g.op("Unsqueeze").in(len, g.int64s("axes", 0)).out("lengths_1b").add1();              // [1, B]
            String valid = g.op("Less").in(t, len1).out("valid").add1();                                        // [T, B]
            mask = g.op("Unsqueeze").in(valid, g.int64s("axes", 2)).out("valid_tb1").add1();                    // [T, B, 1]
        }
        return mask;
    }

    private String lengthsFloat() {
        if (lengthsF == null) {
            String f = g.op("Cast").in(lengths).out("lengths_float").attr("to", (long) OnnxGraph.FLOAT).add1();
            lengthsF = g.op("Unsqueeze").in(f, g.int64s("axes", 1)).out("lengths_b1").add1();
        }
        return lengthsF;
    }
}
