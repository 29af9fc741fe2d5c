package org.rnn4j.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The protocol-buffers wire format, writing side: varint (wire type 0), 32-bit (5) and
 * length-delimited (2) fields. ONNX needs nothing else, so the library carries no protobuf
 * dependency; nested messages are written into their own writer and appended as bytes.
 */
final class ProtoWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    void varint(int field, long v) {
        tag(field, 0);
        rawVarint(v);
    }

    void float32(int field, float v) {
        tag(field, 5);
        int b = Float.floatToRawIntBits(v);
        for (int i = 0; i < 4; i++) {
            out.write(b >>> (8 * i));
        }
    }

    void bytes(int field, byte[] v) {
        tag(field, 2);
        rawVarint(v.length);
        out.write(v, 0, v.length);
    }

    void string(int field, String v) {
        bytes(field, v.getBytes(StandardCharsets.UTF_8));
    }

    void message(int field, ProtoWriter m) {
        bytes(field, m.toByteArray());
    }

    /** A packed repeated int64 field. */
    void packedVarints(int field, long[] v) {
        ProtoWriter p = new ProtoWriter();
        for (long x : v) {
            p.rawVarint(x);
        }
        bytes(field, p.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    /** Little-endian float32 bytes, as ONNX's raw_data holds them. */
    static byte[] littleEndian(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    /** Little-endian int64 bytes. */
    static byte[] littleEndian(long[] v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(v);
        return b.array();
    }

    private void tag(int field, int wireType) {
        rawVarint(((long) field << 3) | wireType);
    }

    private void rawVarint(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
