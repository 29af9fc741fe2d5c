package org.rnn4j.io.torch;

import java.util.Arrays;
import java.util.Optional;

/**
 * The storage classes a {@code torch.save} file may name in a tensor's persistent id, with the
 * element size and how one element becomes a float32. Every element type is read little-endian.
 */
enum StorageType {
    FLOAT("FloatStorage", 4),
    HALF("HalfStorage", 2),
    BFLOAT16("BFloat16Storage", 2),
    DOUBLE("DoubleStorage", 8),
    // integer buffers (e.g. a BatchNorm's num_batches_tracked) are converted to float32 like the rest
    LONG("LongStorage", 8),
    INT("IntStorage", 4),
    // a raw byte storage, as torch.UntypedStorage is written
    UNTYPED("UntypedStorage", 1);

    private final String pythonName;
    private final int bytes;

    StorageType(String pythonName, int bytes) {
        this.pythonName = pythonName;
        this.bytes = bytes;
    }

    /** The class name PyTorch pickles, e.g. {@code FloatStorage}. */
    String pythonName() {
        return pythonName;
    }

    int bytes() {
        return bytes;
    }

    /** The type of the global {@code module.name}, if it is an allowed storage class. */
    static Optional<StorageType> ofGlobal(String module, String name) {
        boolean typedModule = module.equals("torch");
        boolean untypedModule = module.equals("torch") || module.equals("torch.storage");
        return Arrays.stream(values())
                .filter(t -> t.pythonName.equals(name) && (t == UNTYPED ? untypedModule : typedModule))
                .findFirst();
    }

    /** Element {@code i} of {@code data} (little-endian) as a float32. */
    float read(byte[] data, long i) {
        int p = Math.toIntExact(i * bytes);
        return switch (this) {
            case FLOAT -> Float.intBitsToFloat(int32(data, p));
            case HALF -> halfToFloat((data[p] & 0xff) | (data[p + 1] & 0xff) << 8);
            case BFLOAT16 -> Float.intBitsToFloat(((data[p] & 0xff) | (data[p + 1] & 0xff) << 8) << 16);
            case DOUBLE -> (float) Double.longBitsToDouble(int64(data, p));
            case LONG -> (float) int64(data, p);
            case INT -> (float) int32(data, p);
            case UNTYPED -> (float) (data[p] & 0xff);
        };
    }

    private static int int32(byte[] d, int p) {
        return (d[p] & 0xff) | (d[p + 1] & 0xff) << 8 | (d[p + 2] & 0xff) << 16 | (d[p + 3] & 0xff) << 24;
    }

    private static long int64(byte[] d, int p) {
        return (int32(d, p) & 0xffffffffL) | (long) int32(d, p + 4) << 32;
    }

    /** IEEE 754 binary16 to binary32, exactly (subnormals, infinities and NaN included). */
    static float halfToFloat(int h) {
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | mant << 13);
        }
        if (exp == 0) {
            if (mant == 0) {
                return Float.intBitsToFloat(sign);
            }
            // subnormal: mant · 2^-24, exact in float32
            float v = mant * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | (exp + 112) << 23 | mant << 13);
    }
}
