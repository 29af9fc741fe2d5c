package org.rnn4j.io.torch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.rnn4j.io.FileFormatException;
import org.rnn4j.io.torch.Pickled.Storage;
import org.rnn4j.io.torch.Pickled.TensorView;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/**
 * Reads the state_dict of a {@code torch.save} file (the zip format of PyTorch 1.6 and later)
 * without running any of its pickle: {@code <name>/data.pkl} goes through an allowlisting
 * unpickler that knows only dicts, tensors and storages, and each tensor is copied out of its
 * storage {@code <name>/data/<key>} with its size, stride and storage offset (so transposed views
 * and tensors sharing one storage come out right). float32, float16, bfloat16 and float64 storages
 * (and int32/int64 buffers) become float32 tensors.
 *
 * <pre>{@code
 * Map<String, Tensor> state = TorchCheckpoint.read(Path.of("lstm.pt"));
 * lstm.loadStateDict(TorchCheckpoint.withoutPrefix(state, "module."));
 * }</pre>
 *
 * <p>Refused, with a message naming the file: the legacy pre-1.6 format, big-endian files, any
 * global or opcode a state_dict does not need (e.g. {@code os.system}), and sizes that do not fit
 * the file — all checked before anything is allocated.
 */
public final class TorchCheckpoint {
    /** The largest {@code data.pkl} read (a state_dict's pickle is a few KB per tensor). */
    static final long MAX_PICKLE_BYTES = 64L << 20;
    /** The largest storage, in elements and in bytes: what a Java array holds. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    /**
     * The largest compressed entry inflated: torch.save writes every entry uncompressed, so a large
     * deflated one is not its output (and could be a zip bomb).
     */
    static final long MAX_INFLATED_BYTES = 64L << 20;

    private TorchCheckpoint() {
    }

    /** The tensors of the state_dict saved in {@code file}, by name in the file's order. */
    public static Map<String, Tensor> read(Path file) throws IOException {
        checkIsZip(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String prefix = archivePrefix(zip, file);
            ZipEntry order = zip.getEntry(prefix + "byteorder");
            if (order != null) {
                String o = new String(bytes(zip, order, 16, file), StandardCharsets.US_ASCII).trim();
                if (!o.equals("little")) {
                    throw new FileFormatException(file, "byteorder is '" + o + "': only little-endian files are supported "
                            + "(re-save on a little-endian machine)");
                }
            }
            Object root;
            try {
                root = Unpickler.load(bytes(zip, zip.getEntry(prefix + "data.pkl"), MAX_PICKLE_BYTES, file));
            } catch (Unpickler.Refused e) {
                throw new FileFormatException(file, prefix + "data.pkl " + e.getMessage());
            }
            return tensors(root, zip, prefix, file);
        } catch (ZipException | EOFException | IllegalArgumentException e) {
            // a damaged deflated entry ends early (EOFException); a malformed entry name is an IllegalArgumentException
            throw new FileFormatException(file, "not a readable torch.save zip (truncated or damaged?): " + e.getMessage());
        }
    }

    /** {@code state} with {@code prefix} removed from every name that has it, e.g. DataParallel's {@code module.}. */
    public static Map<String, Tensor> withoutPrefix(Map<String, Tensor> state, String prefix) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        state.forEach((n, t) -> out.put(n.startsWith(prefix) ? n.substring(prefix.length()) : n, t));
        return out;
    }

    private static void checkIsZip(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        byte[] head = new byte[4];
        int n;
        try (InputStream s = Files.newInputStream(file)) {
            n = s.readNBytes(head, 0, 4);
        }
        if (n == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return;
        }
        if (n >= 1 && (head[0] & 0xff) == 0x80) {
            throw new FileFormatException(file, "a legacy (pre-1.6) torch.save file, which is a bare pickle: re-save it "
                    + "with torch.save(model.state_dict(), path) in PyTorch 1.6 or newer (the zip format)");
        }
        throw new FileFormatException(file, "not a torch.save file (no zip header); files of PyTorch before 1.6 must be "
                + "re-saved with torch.save in a newer PyTorch");
    }

    /** The folder every entry lives in ({@code archive/} or the file's stem), found by its {@code data.pkl}. */
    private static String archivePrefix(ZipFile zip, Path file) throws FileFormatException {
        List<String> found = new ArrayList<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            String n = entries.nextElement().getName();
            int slash = n.indexOf('/');
            if (slash > 0 && n.substring(slash).equals("/data.pkl")) {
                found.add(n.substring(0, slash + 1));
            }
        }
        if (found.size() != 1) {
            throw new FileFormatException(file, found.isEmpty() ? "zip has no <name>/data.pkl: not a torch.save file"
                    : "zip has " + found.size() + " data.pkl entries; expected one");
        }
        return found.get(0);
    }

    /** The bytes of {@code e}, refusing an entry whose declared or actual size passes {@code limit}. */
    private static byte[] bytes(ZipFile zip, ZipEntry e, long limit, Path file) throws IOException {
        long size = e.getSize();
        if (size < 0 || size > limit) {
            throw new FileFormatException(file, e.getName() + " declares " + size + " bytes (at most " + limit + " allowed)");
        }
        if (e.getMethod() != ZipEntry.STORED && size > MAX_INFLATED_BYTES) {
            throw new FileFormatException(file, e.getName() + " is compressed and declares " + size + " bytes (at most "
                    + MAX_INFLATED_BYTES + " are inflated; torch.save stores entries uncompressed)");
        }
        byte[] out;
        try (InputStream s = zip.getInputStream(e)) {
            out = s.readNBytes((int) size);
            if (out.length != size || s.read() >= 0) {
                throw new FileFormatException(file, e.getName() + " holds " + (out.length == size ? "more" : out.length)
                        + " bytes, not the " + size + " its zip entry declares");
            }
        }
        return out;
    }

    private static Map<String, Tensor> tensors(Object root, ZipFile zip, String prefix, Path file) throws IOException {
        if (!(root instanceof Map<?, ?> dict)) {
            throw new FileFormatException(file, "holds a " + Unpickler.kind(root) + ", not a state_dict (a dict of tensors)");
        }
        Map<String, byte[]> storages = new HashMap<>();
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : dict.entrySet()) {
            if (!(e.getKey() instanceof String name)) {
                throw new FileFormatException(file, "state_dict key of type " + Unpickler.kind(e.getKey()) + ", expected str");
            }
            if (!(e.getValue() instanceof TensorView v)) {
                throw new FileFormatException(file, "'" + name + "' is of type " + Unpickler.kind(e.getValue())
                        + ", not a tensor: save model.state_dict() rather than a whole checkpoint dict");
            }
            Storage s = v.storage();
            byte[] data = storages.get(s.key());
            if (data == null) {
                ZipEntry entry = zip.getEntry(prefix + "data/" + s.key());
                if (entry == null) {
                    throw new FileFormatException(file, "'" + name + "': storage " + prefix + "data/" + s.key() + " is missing");
                }
                if (s.numel() > MAX_ELEMENTS || s.numel() * s.type().bytes() > entry.getSize()) {
                    throw new FileFormatException(file, "'" + name + "': storage " + s.key() + " of " + s.numel() + " "
                            + s.type().pythonName() + " elements runs past the end of its entry (" + entry.getSize() + " bytes)");
                }
                data = bytes(zip, entry, MAX_ELEMENTS, file);
                storages.put(s.key(), data);
            }
            out.put(name, copy(name, v, data, file));
        }
        return out;
    }

    /** The elements of view {@code v}, in row-major order, after checking every index stays inside its storage. */
    private static Tensor copy(String name, TensorView v, byte[] data, Path file) throws FileFormatException {
        int rank = v.size().length;
        int[] dims = new int[rank];
        long count = 1;
        long last = v.offset(); // the largest storage index the view touches
        try {
            for (int k = 0; k < rank; k++) {
                if (v.size()[k] > MAX_ELEMENTS) {
                    throw new ArithmeticException();
                }
                dims[k] = (int) v.size()[k];
                count = Math.multiplyExact(count, v.size()[k]);
                if (v.size()[k] > 0) {
                    last = Math.addExact(last, Math.multiplyExact(v.size()[k] - 1, v.stride()[k]));
                }
            }
        } catch (ArithmeticException e) {
            throw new FileFormatException(file, "'" + name + "': size " + java.util.Arrays.toString(v.size()) + " is too large");
        }
        if (count > MAX_ELEMENTS) {
            throw new FileFormatException(file, "'" + name + "': " + count + " elements is more than a tensor holds");
        }
        long numel = Math.min(v.storage().numel(), data.length / v.storage().type().bytes());
        if (count > 0 && last >= numel) {
            throw new FileFormatException(file, "'" + name + "': size " + java.util.Arrays.toString(v.size()) + ", stride "
                    + java.util.Arrays.toString(v.stride()) + " and offset " + v.offset() + " reach element " + last
                    + " of a storage of " + numel);
        }
        float[] out = new float[(int) count];
        long[] index = new long[rank];
        long at = v.offset();
        StorageType type = v.storage().type();
        for (int i = 0; i < out.length; i++) {
            out[i] = type.read(data, at);
            // odometer over the dims, last fastest: storage index moves by the strides
            for (int k = rank - 1; k >= 0; k--) {
                index[k]++;
                at += v.stride()[k];
                if (index[k] < v.size()[k]) {
                    break;
                }
                at -= index[k] * v.stride()[k];
                index[k] = 0;
            }
        }
        return Tensor.wrap(Shape.of(dims), out);
    }
}
