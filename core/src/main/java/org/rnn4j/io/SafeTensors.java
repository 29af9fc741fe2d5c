package org.rnn4j.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.tensor.Tensor;

/**
 * Reads and writes the safetensors format, which PyTorch loads with
 * {@code safetensors.torch.load_file(path)} and {@code model.load_state_dict(...)}.
 *
 * <p>Layout: an 8-byte little-endian unsigned header length N; N bytes of UTF-8 JSON
 * {@code {"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, ...,
 * "__metadata__": {"k": "v"}}}, padded with spaces so the data starts 8-byte aligned; then the raw
 * little-endian element bytes, tensors packed back to back with no gaps.
 *
 * <p>Writing keeps the map's order (a state dict's order); reading accepts any order. Every
 * malformed header is reported as a {@link FileFormatException} that names the file and the problem.
 */
public final class SafeTensors {
    /** The key of the free-form string map in the header. */
    public static final String METADATA_KEY = "__metadata__";
    /** Headers larger than this are refused as corrupt, as the reference implementation does. */
    static final long MAX_HEADER_BYTES = 100L << 20;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private SafeTensors() {
    }

    // ---------------------------------------------------------------- writing

    /** Atomically writes float32 {@code tensors} (in map order) and {@code metadata} to {@code file}. */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        byte[] header = headerBytes(tensors, metadata);
        AtomicFiles.write(file, out -> {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length);
            out.write(len.array());
            out.write(header);
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (Tensor t : tensors.values()) {
                for (float v : t.data()) {
                    if (!buf.hasRemaining()) {
                        out.write(buf.array(), 0, buf.position());
                        buf.clear();
                    }
                    buf.putFloat(v);
                }
            }
            out.write(buf.array(), 0, buf.position());
        });
    }

    /** Writes without metadata. */
    public static void write(Path file, Map<String, Tensor> tensors) throws IOException {
        write(file, tensors, Map.of());
    }

    /** The JSON header, padded with spaces to a multiple of 8 bytes. */
    static byte[] headerBytes(Map<String, Tensor> tensors, Map<String, String> metadata) {
        ObjectNode root = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = root.putObject(METADATA_KEY);
            metadata.forEach((k, v) -> {
                if (k == null || v == null) {
                    throw new IllegalArgumentException("safetensors: metadata keys and values must not be null: " + k + "=" + v);
                }
                meta.put(k, v);
            });
        }
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            String name = e.getKey();
            if (name == null || name.isEmpty() || name.equals(METADATA_KEY)) {
                throw new IllegalArgumentException("safetensors: invalid tensor name '" + name + "'");
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("safetensors: tensor '" + name + "' is null");
            }
            Tensor t = e.getValue();
            ObjectNode entry = root.putObject(name);
            entry.put("dtype", DType.F32.name());
            ArrayNode shape = entry.putArray("shape");
            for (int d : t.dims()) {
                shape.add(d);
            }
            long end = offset + (long) t.size() * DType.F32.bytes();
            entry.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("safetensors: cannot encode header", e);
        }
        int padded = (json.length + 7) / 8 * 8;
        byte[] out = new byte[padded];
        System.arraycopy(json, 0, out, 0, json.length);
        for (int i = json.length; i < padded; i++) {
            out[i] = ' ';
        }
        return out;
    }

    // ---------------------------------------------------------------- reading

    /** Reads and validates the header only (no tensor data is loaded). */
    public static SafeTensorsHeader readHeader(Path file) throws IOException {
        try (FileChannel ch = open(file)) {
            return readHeader(file, ch);
        }
    }

    /** Reads the whole file: header and every tensor's data. */
    public static SafeTensorsFile read(Path file) throws IOException {
        try (FileChannel ch = open(file)) {
            SafeTensorsHeader header = readHeader(file, ch);
            Map<String, ByteBuffer> data = new LinkedHashMap<>();
            for (TensorInfo t : header.tensors()) {
                ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(t.byteLength())).order(ByteOrder.LITTLE_ENDIAN);
                readFully(file, ch, buf, header.dataStart() + t.begin());
                data.put(t.name(), buf.flip());
            }
            return new SafeTensorsFile(file, header, data);
        }
    }

    private static FileChannel open(Path file) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
    }

    private static void readFully(Path file, FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new FileFormatException(file, "safetensors: file ends early at byte " + pos);
            }
            pos += n;
        }
    }

    private static SafeTensorsHeader readHeader(Path file, FileChannel ch) throws IOException {
        long size = ch.size();
        if (size < 8) {
            throw bad(file, "file is " + size + " bytes, too short for the 8-byte header length");
        }
        ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(file, ch, lenBuf, 0);
        long n = lenBuf.flip().getLong();
        if (n < 2 || n > MAX_HEADER_BYTES) {
            throw bad(file, "header length " + Long.toUnsignedString(n) + " is out of range (2.." + MAX_HEADER_BYTES + ")");
        }
        if (8 + n > size) {
            throw bad(file, "header length " + n + " runs past the end of the " + size + "-byte file");
        }
        ByteBuffer headerBuf = ByteBuffer.allocate((int) n);
        readFully(file, ch, headerBuf, 8);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(headerBuf.flip()).toString();
        } catch (CharacterCodingException e) {
            throw bad(file, "header is not valid UTF-8");
        }
        if (!text.startsWith("{")) {
            throw bad(file, "header does not start with '{'");
        }
        int last = text.length() - 1;
        while (last > 0 && text.charAt(last) == ' ') {
            last--;
        }
        if (text.charAt(last) != '}') {
            throw bad(file, "header must be one JSON object padded with spaces, found other bytes after it");
        }
        JsonNode root;
        try {
            root = JSON.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
        } catch (JsonProcessingException e) {
            throw bad(file, "header is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw bad(file, "header is not a JSON object");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        List<TensorInfo> tensors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            if (e.getKey().equals(METADATA_KEY)) {
                parseMetadata(file, e.getValue(), metadata);
            } else {
                tensors.add(parseEntry(file, e.getKey(), e.getValue()));
            }
        }
        tensors.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
        long expected = 0;
        String previous = null;
        for (TensorInfo t : tensors) {
            if (t.begin() != expected) {
                throw bad(file, previous == null
                        ? "tensor '" + t.name() + "' begins at byte " + t.begin() + ", the data section starts at 0"
                        : "tensor '" + t.name() + "' begins at byte " + t.begin() + " but '" + previous + "' ends at "
                                + expected + " (tensors must be contiguous, without gaps or overlaps)");
            }
            expected = t.end();
            previous = t.name();
        }
        long dataLength = size - 8 - n;
        if (expected != dataLength) {
            throw bad(file, "tensors cover " + expected + " bytes of data but the file holds " + dataLength);
        }
        return new SafeTensorsHeader(tensors, metadata, 8 + n);
    }

    private static void parseMetadata(Path file, JsonNode node, Map<String, String> out) throws FileFormatException {
        if (!node.isObject()) {
            throw bad(file, METADATA_KEY + " must be an object of strings");
        }
        for (Map.Entry<String, JsonNode> m : node.properties()) {
            if (!m.getValue().isTextual()) {
                throw bad(file, METADATA_KEY + " value of '" + m.getKey() + "' is not a string: " + m.getValue());
            }
            out.put(m.getKey(), m.getValue().textValue());
        }
    }

    private static TensorInfo parseEntry(Path file, String name, JsonNode node) throws FileFormatException {
        String where = "tensor '" + name + "'";
        if (!node.isObject()) {
            throw bad(file, where + ": entry is not an object");
        }
        JsonNode dt = node.get("dtype");
        if (dt == null || !dt.isTextual()) {
            throw bad(file, where + ": missing dtype");
        }
        DType dtype = DType.parse(dt.textValue()).orElseThrow(
                () -> bad(file, where + ": unknown dtype '" + dt.textValue() + "'"));
        JsonNode shapeNode = node.get("shape");
        if (shapeNode == null || !shapeNode.isArray()) {
            throw bad(file, where + ": missing shape");
        }
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.canConvertToLong() || !d.isIntegralNumber() || d.longValue() < 0) {
                throw bad(file, where + ": shape " + shapeNode + " has an invalid dimension " + d);
            }
            shape[i] = d.longValue();
        }
        JsonNode off = node.get("data_offsets");
        if (off == null || !off.isArray() || off.size() != 2 || !off.get(0).isIntegralNumber()
                || !off.get(1).isIntegralNumber() || !off.get(0).canConvertToLong() || !off.get(1).canConvertToLong()) {
            throw bad(file, where + ": data_offsets must be [begin, end], got " + off);
        }
        long begin = off.get(0).longValue();
        long end = off.get(1).longValue();
        if (begin < 0 || end < begin) {
            throw bad(file, where + ": data_offsets " + off + " are not a valid range");
        }
        TensorInfo info = new TensorInfo(name, dtype, shape, begin, end);
        long needed;
        try {
            needed = Math.multiplyExact(info.count(), dtype.bytes());
        } catch (ArithmeticException e) {
            throw bad(file, where + ": shape " + shapeNode + " is too large");
        }
        if (needed != end - begin) {
            throw bad(file, where + ": shape " + info.shapeString() + " " + dtype + " needs " + needed
                    + " bytes, data_offsets " + off + " give " + (end - begin));
        }
        return info;
    }

    private static FileFormatException bad(Path file, String what) {
        return new FileFormatException(file, "not a valid safetensors file: " + what);
    }
}
