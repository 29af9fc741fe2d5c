package org.rnn4j.onnx;

import java.nio.charset.StandardCharsets;

/**
 * The protocol-buffers wire format, reading side: walks the fields of one message in a byte
 * range. Every length is checked against the bytes left before anything is copied, so a
 * truncated or hostile file fails with a message instead of a huge allocation.
 */
final class ProtoReader {
    private final byte[] buf;
    private int pos;
    private final int end;
    private int field;
    private int wireType;

    ProtoReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    private ProtoReader(byte[] buf, int from, int end) {
        this.buf = buf;
        this.pos = from;
        this.end = end;
    }

    /** Moves to the next field; false at the end of the message. */
    boolean next() {
        if (pos >= end) {
            return false;
        }
        long t = rawVarint();
        field = (int) (t >>> 3);
        wireType = (int) (t & 7);
        return true;
    }

    int field() {
        return field;
    }

    int wireType() {
        return wireType;
    }

    long varint() {
        expect(0);
        return rawVarint();
    }

    float float32() {
        expect(5);
        need(4);
        int b = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16 | (buf[pos + 3] & 0xFF) << 24;
        pos += 4;
        return Float.intBitsToFloat(b);
    }

    byte[] bytes() {
        int n = length();
        byte[] v = new byte[n];
        System.arraycopy(buf, pos, v, 0, n);
        pos += n;
        return v;
    }

    String string() {
        int n = length();
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    /** The embedded message of the current length-delimited field. */
    ProtoReader message() {
        int n = length();
        ProtoReader r = new ProtoReader(buf, pos, pos + n);
        pos += n;
        return r;
    }

    /** A repeated varint field, packed (wire type 2) or not (one value). */
    long[] varints() {
        if (wireType == 0) {
            return new long[] {rawVarint()};
        }
        ProtoReader r = message();
        long[] tmp = new long[16];
        int k = 0;
        while (r.pos < r.end) {
            if (k == tmp.length) {
                tmp = java.util.Arrays.copyOf(tmp, 2 * k);
            }
            tmp[k++] = r.rawVarint();
        }
        return java.util.Arrays.copyOf(tmp, k);
    }

    /** A repeated float field, packed or not. */
    float[] floats() {
        if (wireType == 5) {
            return new float[] {float32()};
        }
        byte[] b = bytes();
        if (b.length % 4 != 0) {
            throw new IllegalArgumentException("packed floats of " + b.length + " bytes");
        }
        float[] v = new float[b.length / 4];
        java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    /** Skips the current field's value. */
    void skip() {
        switch (wireType) {
            case 0 -> rawVarint();
            case 1 -> {
                need(8);
                pos += 8;
            }
            case 2 -> {
                int n = length(); // read before pos: the length's own varint moves it
                pos += n;
            }
            case 5 -> {
                need(4);
                pos += 4;
            }
            default -> throw new IllegalArgumentException("protobuf: unsupported wire type " + wireType + " at byte " + pos);
        }
    }

    private int length() {
        expect(2);
        long n = rawVarint();
        if (n < 0 || n > end - pos) {
            throw new IllegalArgumentException("protobuf: a field of " + n + " bytes at byte " + pos + " runs past the end ("
                    + (end - pos) + " left)");
        }
        return (int) n;
    }

    private void expect(int w) {
        if (wireType != w) {
            throw new IllegalArgumentException("protobuf: field " + field + " has wire type " + wireType + ", expected " + w);
        }
    }

    private void need(int n) {
        if (end - pos < n) {
            throw new IllegalArgumentException("protobuf: truncated at byte " + pos);
        }
    }

    private long rawVarint() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            need(1);
            byte b = buf[pos++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("protobuf: malformed varint at byte " + pos);
    }
}
