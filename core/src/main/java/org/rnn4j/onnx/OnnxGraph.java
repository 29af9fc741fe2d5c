package org.rnn4j.onnx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A graph under construction, serialised as an ONNX {@code ModelProto} by {@link #toModel}. The field
 * numbers are those of ONNX's {@code onnx.proto} (ModelProto, GraphProto, NodeProto, TensorProto,
 * ValueInfoProto, TypeProto, AttributeProto, OperatorSetIdProto). Names are unique within the graph;
 * {@link #fresh} makes new ones from a readable stem.
 */
final class OnnxGraph {
    /** The default-domain opset every exported file states. */
    static final int OPSET = 17;
    /** The IR version that goes with {@link #OPSET}. */
    static final int IR_VERSION = 8;

    static final int FLOAT = 1;
    static final int INT32 = 6;
    static final int INT64 = 7;

    private final List<byte[]> nodes = new ArrayList<>();
    private final List<byte[]> initializers = new ArrayList<>();
    private final List<byte[]> inputs = new ArrayList<>();
    private final List<byte[]> outputs = new ArrayList<>();
    private final Set<String> names;
    private final Map<String, Integer> counters;

    OnnxGraph() {
        this.names = new HashSet<>();
        this.counters = new LinkedHashMap<>();
    }

    /** A subgraph (a Scan body) whose names never shadow those of {@code outer}, whose values it may read. */
    OnnxGraph(OnnxGraph outer) {
        this.names = outer.names;
        this.counters = outer.counters;
    }

    /** A name not used yet: {@code stem}, else {@code stem_1}, {@code stem_2}, … */
    String fresh(String stem) {
        String n = stem;
        while (names.contains(n)) {
            int k = counters.merge(stem, 1, Integer::sum);
            n = stem + "_" + k;
        }
        names.add(n);
        return n;
    }

    /** A float32 initializer (a constant weight) of shape {@code dims}. */
    String floats(String name, long[] dims, float[] data) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("onnx: initializer " + name + " has " + data.length + " values for shape "
                    + java.util.Arrays.toString(dims));
        }
        String unique = fresh(name);
        initializers.add(tensor(unique, FLOAT, dims, ProtoWriter.littleEndian(data)).toByteArray());
        return unique;
    }

    /** An int64 initializer (shapes, axes, indices). */
    String int64s(String name, long... data) {
        String unique = fresh(name);
        initializers.add(tensor(unique, INT64, new long[] {data.length}, ProtoWriter.littleEndian(data)).toByteArray());
        return unique;
    }

    /** A float scalar initializer. */
    String scalar(String name, float v) {
        return floats(name, new long[0], new float[] {v});
    }

    /** A graph input; each dim is a Long (fixed) or a String (a named dynamic axis). */
    void input(String name, int elemType, String doc, Object... dims) {
        names.add(name);
        inputs.add(valueInfo(name, elemType, doc, dims).toByteArray());
    }

    /** A subgraph input or output of known element type and unstated shape. */
    void bodyValue(String name, int elemType, boolean input) {
        ProtoWriter tensorType = new ProtoWriter();
        tensorType.varint(1, elemType);
        ProtoWriter type = new ProtoWriter();
        type.message(1, tensorType);
        ProtoWriter v = new ProtoWriter();
        v.string(1, name);
        v.message(2, type);
        if (input) {
            names.add(name);
            inputs.add(v.toByteArray());
        } else {
            outputs.add(v.toByteArray());
        }
    }

    /** A graph output, produced by some node under this name. */
    void output(String name, int elemType, String doc, Object... dims) {
        outputs.add(valueInfo(name, elemType, doc, dims).toByteArray());
    }

    /** Starts a node of {@code opType}; {@link Node#add} appends it. */
    Node op(String opType) {
        return new Node(opType);
    }

    /** One node: inputs ("" for an omitted optional input), outputs, attributes. */
    final class Node {
        private final ProtoWriter w = new ProtoWriter();
        private final List<String> in = new ArrayList<>();
        private final List<String> out = new ArrayList<>();
        private final List<ProtoWriter> attrs = new ArrayList<>();
        private final String opType;

        private Node(String opType) {
            this.opType = opType;
        }

        Node in(String... names) {
            in.addAll(List.of(names));
            return this;
        }

        /** Named outputs, made unique; read them back with {@link #add}'s result. */
        Node out(String... stems) {
            for (String s : stems) {
                out.add(s.isEmpty() ? "" : fresh(s));
            }
            return this;
        }

        Node attr(String name, long v) {
            ProtoWriter a = attribute(name, 2);
            a.varint(3, v);
            attrs.add(a);
            return this;
        }

        Node attr(String name, float v) {
            ProtoWriter a = attribute(name, 1);
            a.float32(2, v);
            attrs.add(a);
            return this;
        }

        Node attr(String name, String v) {
            ProtoWriter a = attribute(name, 3);
            a.string(4, v);
            attrs.add(a);
            return this;
        }

        Node attr(String name, long[] v) {
            ProtoWriter a = attribute(name, 7);
            a.packedVarints(8, v);
            attrs.add(a);
            return this;
        }

        Node attr(String name, String[] v) {
            ProtoWriter a = attribute(name, 8);
            for (String s : v) {
                a.string(9, s);
            }
            attrs.add(a);
            return this;
        }

        Node attr(String name, OnnxGraph body, String bodyName) {
            ProtoWriter a = attribute(name, 5);
            a.bytes(6, body.graph(bodyName, ""));
            attrs.add(a);
            return this;
        }

        /** Appends the node; returns its output names. */
        String[] add() {
            for (String s : in) {
                w.string(1, s);
            }
            for (String s : out) {
                w.string(2, s);
            }
            w.string(3, fresh(opType + "_" + (nodes.size())));
            w.string(4, opType);
            for (ProtoWriter a : attrs) {
                w.message(5, a);
            }
            nodes.add(w.toByteArray());
            return out.toArray(new String[0]);
        }

        /** Appends the node; returns its only output. */
        String add1() {
            return add()[0];
        }

        private ProtoWriter attribute(String name, int type) {
            ProtoWriter a = new ProtoWriter();
            a.string(1, name);
            a.varint(20, type);
            return a;
        }
    }

    /** The GraphProto bytes. */
    byte[] graph(String graphName, String doc) {
        ProtoWriter g = new ProtoWriter();
        nodes.forEach(n -> g.bytes(1, n));
        g.string(2, graphName);
        initializers.forEach(t -> g.bytes(5, t));
        g.string(10, doc);
        inputs.forEach(v -> g.bytes(11, v));
        outputs.forEach(v -> g.bytes(12, v));
        return g.toByteArray();
    }

    /** The whole file: IR version, opset, producer, the graph, doc strings and metadata. */
    byte[] toModel(String graphName, String doc, Map<String, String> metadata) {
        byte[] g = graph(graphName, doc);
        ProtoWriter m = new ProtoWriter();
        m.varint(1, IR_VERSION);
        m.string(2, "rnn4j");
        m.string(3, org.rnn4j.Version.get());
        m.string(6, doc);
        m.bytes(7, g);
        ProtoWriter opset = new ProtoWriter();
        opset.string(1, "");
        opset.varint(2, OPSET);
        m.message(8, opset);
        metadata.forEach((k, v) -> {
            ProtoWriter e = new ProtoWriter();
            e.string(1, k);
            e.string(2, v);
            m.message(14, e);
        });
        return m.toByteArray();
    }

    private static ProtoWriter tensor(String name, int type, long[] dims, byte[] raw) {
        ProtoWriter t = new ProtoWriter();
        if (dims.length > 0) {
            t.packedVarints(1, dims);
        }
        t.varint(2, type);
        t.string(8, name);
        t.bytes(9, raw);
        return t;
    }

    private static ProtoWriter valueInfo(String name, int elemType, String doc, Object... dims) {
        ProtoWriter shape = new ProtoWriter();
        for (Object d : dims) {
            ProtoWriter dim = new ProtoWriter();
            if (d instanceof String s) {
                dim.string(2, s);
            } else {
                dim.varint(1, ((Number) d).longValue());
            }
            shape.message(1, dim);
        }
        ProtoWriter tensorType = new ProtoWriter();
        tensorType.varint(1, elemType);
        tensorType.message(2, shape);
        ProtoWriter type = new ProtoWriter();
        type.message(1, tensorType);
        ProtoWriter v = new ProtoWriter();
        v.string(1, name);
        v.message(2, type);
        v.string(3, doc);
        return v;
    }
}
