package org.rnn4j.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/**
 * The content of a safetensors file read by {@link SafeTensors#read}: its header and the raw bytes
 * of each tensor, decoded on request ({@code F32} as {@link Tensor}, {@code I64} as {@code long[]}).
 */
public final class SafeTensorsFile {
    private final Path file;
    private final SafeTensorsHeader header;
    private final Map<String, ByteBuffer> data;

    SafeTensorsFile(Path file, SafeTensorsHeader header, Map<String, ByteBuffer> data) {
        this.file = file;
        this.header = header;
        this.data = data;
    }

    public Path file() {
        return file;
    }

    public SafeTensorsHeader header() {
        return header;
    }

    public Map<String, String> metadata() {
        return header.metadata();
    }

    /** The float32 tensor {@code name}, a fresh copy. */
    public Tensor tensor(String name) throws FileFormatException {
        TensorInfo info = info(name, DType.F32);
        float[] values = new float[Math.toIntExact(info.count())];
        data.get(name).duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return Tensor.wrap(Shape.of(intDims(info)), values);
    }

    /** The int64 tensor {@code name} as a flat row-major array. */
    public long[] longs(String name) throws FileFormatException {
        TensorInfo info = info(name, DType.I64);
        long[] values = new long[Math.toIntExact(info.count())];
        data.get(name).duplicate().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(values);
        return values;
    }

    /**
     * Every tensor as float32, in data order, ready for {@code Module.loadStateDict}. Fails, naming
     * the tensor, if one has another dtype.
     */
    public Map<String, Tensor> stateDict() throws FileFormatException {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (TensorInfo t : header.tensors()) {
            out.put(t.name(), tensor(t.name()));
        }
        return out;
    }

    private TensorInfo info(String name, DType expected) throws FileFormatException {
        TensorInfo info = header.find(name).orElseThrow(
                () -> new FileFormatException(file, "no tensor named '" + name + "'"));
        if (info.dtype() != expected) {
            throw new FileFormatException(file, "tensor '" + name + "' has dtype " + info.dtype()
                    + ", expected " + expected);
        }
        return info;
    }

    private int[] intDims(TensorInfo info) throws FileFormatException {
        long[] s = info.shape();
        int[] d = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            if (s[i] > Integer.MAX_VALUE) {
                throw new FileFormatException(file, "tensor '" + info.name() + "' dimension " + s[i] + " is too large");
            }
            d[i] = (int) s[i];
        }
        return d;
    }
}
