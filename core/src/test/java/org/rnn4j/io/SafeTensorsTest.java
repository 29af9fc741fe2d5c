package org.rnn4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

class SafeTensorsTest {
    @TempDir
    Path dir;

    private static Map<String, Tensor> sampleState() {
        Rng rng = new Rng(7);
        Map<String, Tensor> m = new LinkedHashMap<>();
        // Deliberately not alphabetical: state_dict order must survive.
        m.put("rnn.weight_ih_l0", random(rng, 16, 1));
        m.put("rnn.weight_hh_l0", random(rng, 16, 16));
        m.put("rnn.bias_ih_l0", random(rng, 16));
        m.put("rnn.bias_hh_l0", random(rng, 16));
        m.put("fc.weight", random(rng, 1, 16));
        m.put("fc.bias", random(rng, 1));
        m.put("scale", Tensor.scalar(-0.0f));
        m.put("empty", Tensor.zeros(0, 3));
        return m;
    }

    private static Tensor random(Rng rng, int... dims) {
        Tensor t = Tensor.zeros(dims);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (rng.nextDouble() * 2 - 1) * 1e3f;
        }
        return t;
    }

    @Test
    void roundTripIsBitExactAndKeepsOrder() throws IOException {
        Map<String, Tensor> state = sampleState();
        state.get("fc.bias").data()[0] = Float.NaN;
        state.get("rnn.bias_ih_l0").data()[3] = Float.NEGATIVE_INFINITY;
        state.get("rnn.bias_ih_l0").data()[4] = Float.MIN_VALUE;
        Path f = dir.resolve("m.safetensors");
        SafeTensors.write(f, state, Map.of("format", "pt"));

        SafeTensorsFile read = SafeTensors.read(f);
        assertEquals(List.copyOf(state.keySet()), List.copyOf(read.stateDict().keySet()));
        assertEquals(Map.of("format", "pt"), read.metadata());
        for (var e : state.entrySet()) {
            Tensor got = read.tensor(e.getKey());
            assertEquals(e.getValue().shape(), got.shape(), e.getKey());
            float[] a = e.getValue().data();
            float[] b = got.data();
            assertEquals(a.length, b.length);
            for (int i = 0; i < a.length; i++) {
                assertEquals(Float.floatToRawIntBits(a[i]), Float.floatToRawIntBits(b[i]), e.getKey() + "[" + i + "]");
            }
        }
        assertEquals(Shape.scalar(), read.tensor("scale").shape());
        assertEquals(16 + 256 + 16 + 16 + 16 + 1 + 1, read.header().totalCount());
    }

    @Test
    void layoutFollowsTheSpec() throws IOException {
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put("b", Tensor.of(Shape.of(2), 1.5f, -2f));
        state.put("a", Tensor.of(Shape.of(1, 1), 3f));
        Path f = dir.resolve("x.safetensors");
        SafeTensors.write(f, state);
        byte[] bytes = Files.readAllBytes(f);
        long n = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, n % 8, "header padded to 8 bytes");
        assertEquals(8 + n + 12, bytes.length);
        String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
        assertTrue(header.endsWith("}") || header.endsWith(" "), header);
        JsonNode json = new ObjectMapper().readTree(header);
        assertEquals("F32", json.get("b").get("dtype").asText());
        assertEquals("[0,8]", json.get("b").get("data_offsets").toString());
        assertEquals("[8,12]", json.get("a").get("data_offsets").toString());
        assertEquals("[1,1]", json.get("a").get("shape").toString());
        ByteBuffer data = ByteBuffer.wrap(bytes, (int) (8 + n), 12).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1.5f, data.getFloat());
        assertEquals(-2f, data.getFloat());
        assertEquals(3f, data.getFloat());
        assertTrue(header.indexOf("\"b\"") < header.indexOf("\"a\""), "state_dict order kept: " + header);
    }

    @Test
    void readsFilesInAnyOrderWithI64AndPaddingAsPyTorchWritesThem() throws IOException {
        // Hand-built like safetensors' own writer: entries sorted, I64 first, metadata, trailing spaces.
        ByteBuffer data = ByteBuffer.allocate(16 + 8).order(ByteOrder.LITTLE_ENDIAN);
        data.putLong(-5L).putLong(1L << 40).putFloat(0.25f).putFloat(-1f);
        String header = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[16,24]},"
                + "\"steps\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[0,16]}}    ";
        Path f = write("pt.safetensors", header, data.array());
        SafeTensorsFile read = SafeTensors.read(f);
        assertArrayEquals(new long[] {-5L, 1L << 40}, read.longs("steps"));
        assertArrayEquals(new float[] {0.25f, -1f}, read.tensor("w").data());
        assertEquals(List.of("steps", "w"), read.header().tensors().stream().map(TensorInfo::name).toList());
        FileFormatException e = assertThrows(FileFormatException.class, read::stateDict);
        assertTrue(e.getMessage().contains("'steps' has dtype I64, expected F32"), e.getMessage());
    }

    @Test
    void emptyFileOfTensorsIsValid() throws IOException {
        Path f = dir.resolve("none.safetensors");
        SafeTensors.write(f, Map.of());
        assertEquals(0, SafeTensors.read(f).stateDict().size());
    }

    @Test
    void rejectsCorruptHeadersNamingFileAndProblem() throws IOException {
        String ok = "\"dtype\":\"F32\",\"shape\":[2]";
        byte[] eight = new byte[8];
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"{\"a\":{" + ok + ",\"data_offsets\":[0,4]}}", "needs 8 bytes, data_offsets [0,4] give 4"});
        cases.add(new String[] {"{\"a\":{\"dtype\":\"F33\",\"shape\":[2],\"data_offsets\":[0,8]}}", "unknown dtype 'F33'"});
        cases.add(new String[] {"{\"a\":{\"dtype\":\"F32\",\"data_offsets\":[0,8]}}", "missing shape"});
        cases.add(new String[] {"{\"a\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}", "invalid dimension -2"});
        cases.add(new String[] {"{\"a\":{" + ok + ",\"data_offsets\":[8]}}", "data_offsets must be [begin, end]"});
        cases.add(new String[] {"{\"a\":{" + ok + ",\"data_offsets\":[8,16]}}", "'a' begins at byte 8, the data section starts at 0"});
        cases.add(new String[] {"{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[2,6]}}", "'b' begins at byte 2 but 'a' ends at 4"});
        cases.add(new String[] {"{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", "cover 4 bytes of data but the file holds 8"});
        cases.add(new String[] {"{\"a\":{" + ok + ",\"data_offsets\":[0,8]},\"a\":{" + ok + ",\"data_offsets\":[0,8]}}", "Duplicate field 'a'"});
        cases.add(new String[] {"{\"a\":{" + ok + ",\"data_offsets\":[0,8]}", "not valid JSON"});
        cases.add(new String[] {"[1, 2]", "does not start with '{'"});
        cases.add(new String[] {"{\"__metadata__\":{\"k\":3},\"a\":{" + ok + ",\"data_offsets\":[0,8]}}", "value of 'k' is not a string"});
        for (String[] c : cases) {
            Path f = write("bad.safetensors", c[0], eight);
            FileFormatException e = assertThrows(FileFormatException.class, () -> SafeTensors.read(f), c[0]);
            assertTrue(e.getMessage().startsWith(f + ": not a valid safetensors file: "), e.getMessage());
            assertTrue(e.getMessage().contains(c[1]), "expected '" + c[1] + "' in: " + e.getMessage());
        }
    }

    @Test
    void rejectsTruncatedFiles() throws IOException {
        Path f = dir.resolve("t.safetensors");
        Files.write(f, new byte[] {1, 2, 3});
        assertTrue(assertThrows(FileFormatException.class, () -> SafeTensors.read(f)).getMessage().contains("too short"));
        Files.write(f, ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN).putLong(500).array());
        assertTrue(assertThrows(FileFormatException.class, () -> SafeTensors.read(f)).getMessage()
                .contains("header length 500 runs past the end of the 10-byte file"));
        Files.write(f, ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN).putLong(-1).array());
        assertTrue(assertThrows(FileFormatException.class, () -> SafeTensors.read(f)).getMessage().contains("out of range"));
        // A valid file cut short loses data bytes.
        Map<String, Tensor> state = sampleState();
        Path good = dir.resolve("g.safetensors");
        SafeTensors.write(good, state);
        byte[] all = Files.readAllBytes(good);
        Files.write(f, java.util.Arrays.copyOf(all, all.length - 4));
        assertTrue(assertThrows(FileFormatException.class, () -> SafeTensors.read(f)).getMessage().contains("the file holds"));
    }

    @Test
    void missingFileIsNamed() {
        Path f = dir.resolve("nope.safetensors");
        IOException e = assertThrows(IOException.class, () -> SafeTensors.readHeader(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }

    @Test
    void rejectsInvalidNames() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("__metadata__", Tensor.scalar(1));
        assertThrows(IllegalArgumentException.class, () -> SafeTensors.write(dir.resolve("n.safetensors"), m));
    }

    private Path write(String name, String header, byte[] data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).put(data);
        Path f = dir.resolve(name);
        Files.write(f, b.array());
        return f;
    }
}
