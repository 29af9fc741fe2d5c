package org.rnn4j.onnx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/**
 * The parts of an ONNX {@code ModelProto} the importer reads: the graph's nodes in file order (ONNX
 * requires topological order), its float initializers (and {@code Constant} nodes' float values)
 * as tensors, and the model's metadata. Field numbers are those of ONNX's {@code onnx.proto}.
 */
record OnnxFile(List<Node> nodes, Map<String, Tensor> initializers, Map<String, String> metadata, int opset) {

    /** One node with the attributes the importer looks at. */
    record Node(String name, String opType, List<String> inputs, List<String> outputs, Map<String, Attr> attrs) {
        String describe() {
            return opType + " node '" + name + "'";
        }

        long i(String key, long dflt) {
            Attr a = attrs.get(key);
            return a == null ? dflt : a.i();
        }

        float f(String key, float dflt) {
            Attr a = attrs.get(key);
            return a == null ? dflt : a.f();
        }

        String s(String key, String dflt) {
            Attr a = attrs.get(key);
            return a == null ? dflt : a.s();
        }

        /** Input k, or "" when absent or omitted. */
        String input(int k) {
            return k < inputs.size() ? inputs.get(k) : "";
        }
    }

    /** An attribute value: whichever fields its type uses. */
    record Attr(long i, float f, String s, List<String> strings, Tensor t) {
    }

    static OnnxFile parse(byte[] bytes) {
        ProtoReader m = new ProtoReader(bytes);
        Map<String, String> meta = new LinkedHashMap<>();
        ProtoReader graph = null;
        int opset = 0;
        while (m.next()) {
            switch (m.field()) {
                case 7 -> graph = m.message();
                case 8 -> {
                    ProtoReader o = m.message();
                    String domain = "";
                    long version = 0;
                    while (o.next()) {
                        if (o.field() == 1) {
                            domain = o.string();
                        } else if (o.field() == 2) {
                            version = o.varint();
                        } else {
                            o.skip();
                        }
                    }
                    if (domain.isEmpty() || domain.equals("ai.onnx")) {
                        opset = (int) version;
                    }
                }
                case 14 -> {
                    ProtoReader e = m.message();
                    String k = "";
                    String v = "";
                    while (e.next()) {
                        if (e.field() == 1) {
                            k = e.string();
                        } else if (e.field() == 2) {
                            v = e.string();
                        } else {
                            e.skip();
                        }
                    }
                    meta.put(k, v);
                }
                default -> m.skip();
            }
        }
        if (graph == null) {
            throw new IllegalArgumentException("not an ONNX model: no graph");
        }
        List<Node> nodes = new ArrayList<>();
        Map<String, Tensor> inits = new LinkedHashMap<>();
        while (graph.next()) {
            switch (graph.field()) {
                case 1 -> nodes.add(node(graph.message()));
                case 5 -> {
                    Named t = tensor(graph.message());
                    if (t.value() != null) {
                        inits.put(t.name(), t.value());
                    }
                }
                default -> graph.skip();
            }
        }
        for (Node n : nodes) { // Constant nodes hold weights in some exporters' files
            if (n.opType().equals("Constant") && n.attrs().containsKey("value") && n.attrs().get("value").t() != null) {
                inits.put(n.outputs().get(0), n.attrs().get("value").t());
            }
        }
        return new OnnxFile(nodes, inits, meta, opset);
    }

    private static Node node(ProtoReader r) {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        Map<String, Attr> attrs = new LinkedHashMap<>();
        String name = "";
        String op = "";
        String domain = "";
        while (r.next()) {
            switch (r.field()) {
                case 1 -> in.add(r.string());
                case 2 -> out.add(r.string());
                case 3 -> name = r.string();
                case 4 -> op = r.string();
                case 5 -> attribute(r.message(), attrs);
                case 7 -> domain = r.string();
                default -> r.skip();
            }
        }
        if (!domain.isEmpty() && !domain.equals("ai.onnx")) {
            op = domain + "." + op;
        }
        return new Node(name.isEmpty() ? (out.isEmpty() ? "?" : out.get(0)) : name, op, in, out, attrs);
    }

    private static void attribute(ProtoReader r, Map<String, Attr> attrs) {
        String name = "";
        long i = 0;
        float f = 0;
        String s = null;
        List<String> strings = new ArrayList<>();
        Tensor t = null;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> name = r.string();
                case 2 -> f = r.float32();
                case 3 -> i = r.varint();
                case 4 -> s = r.string();
                case 5 -> t = tensor(r.message()).value();
                case 9 -> strings.add(r.string());
                default -> r.skip();
            }
        }
        attrs.put(name, new Attr(i, f, s, strings, t));
    }

    private record Named(String name, Tensor value) {
    }

    /** A float tensor (float32 or float64 data); other types (shapes, indices) give a null value. */
    private static Named tensor(ProtoReader r) {
        List<Long> dims = new ArrayList<>();
        int type = 0;
        String name = "";
        byte[] raw = null;
        float[] floats = null;
        boolean external = false;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> {
                    for (long d : r.varints()) {
                        dims.add(d);
                    }
                }
                case 2 -> type = (int) r.varint();
                case 4 -> floats = append(floats, r.floats());
                case 8 -> name = r.string();
                case 9 -> raw = r.bytes();
                case 13 -> {
                    external = true;
                    r.skip();
                }
                default -> r.skip();
            }
        }
        if (external) {
            throw new IllegalArgumentException("initializer '" + name + "' is stored in an external file; save the model with its data inside");
        }
        if (type != OnnxGraph.FLOAT) {
            return new Named(name, null);
        }
        long count = 1;
        int[] shape = new int[dims.size()];
        for (int k = 0; k < shape.length; k++) {
            long d = dims.get(k);
            if (d < 0 || d > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("initializer '" + name + "' has dimension " + d);
            }
            shape[k] = (int) d;
            count *= d;
        }
        float[] v;
        if (raw != null) {
            if (raw.length != 4 * count) {
                throw new IllegalArgumentException("initializer '" + name + "' holds " + raw.length + " bytes for " + count + " floats");
            }
            v = new float[(int) count];
            java.nio.ByteBuffer.wrap(raw).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        } else {
            v = floats == null ? new float[0] : floats;
            if (v.length != count) {
                throw new IllegalArgumentException("initializer '" + name + "' holds " + v.length + " floats for " + count);
            }
        }
        return new Named(name, Tensor.wrap(Shape.of(shape), v));
    }

    private static float[] append(float[] a, float[] b) {
        if (a == null) {
            return b;
        }
        float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
