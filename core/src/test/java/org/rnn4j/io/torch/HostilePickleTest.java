package org.rnn4j.io.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.io.FileFormatException;
import org.rnn4j.tensor.Tensor;

/** Pickles and zips a state_dict never holds: each is refused with a message, nothing is executed. */
class HostilePickleTest {
    @TempDir
    Path tmp;

    /** A pickle written opcode by opcode. */
    static final class Pickle {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Pickle op(int... bytes) {
            for (int b : bytes) {
                out.write(b);
            }
            return this;
        }

        Pickle global(String module, String name) {
            out.write('c');
            out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        Pickle str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.write('X');
            le32(b.length);
            out.writeBytes(b);
            return this;
        }

        Pickle le32(long v) {
            for (int i = 0; i < 4; i++) {
                out.write((int) (v >>> (8 * i)) & 0xff);
            }
            return this;
        }

        Pickle integer(int v) {
            out.write('J');
            return le32(v);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    static Pickle proto() {
        return new Pickle().op(0x80, 2);
    }

    /** {'w': _rebuild_tensor_v2(('storage', torch.FloatStorage, key, 'cpu', numel), offset, size, stride, False, OrderedDict())}. */
    static byte[] oneTensor(String key, int numel, int offset, int[] size, int[] stride) {
        Pickle p = proto().op('}').str("w").global("torch._utils", "_rebuild_tensor_v2").op('(')
                .op('(').str("storage").global("torch", "FloatStorage").str(key).str("cpu").integer(numel).op('t').op('Q')
                .integer(offset).op('(');
        for (int s : size) {
            p.integer(s);
        }
        p.op('t').op('(');
        for (int s : stride) {
            p.integer(s);
        }
        p.op('t').op(0x89).global("collections", "OrderedDict").op(')', 'R').op('t', 'R').op('s', '.');
        return p.bytes();
    }

    Path zip(Map<String, byte[]> entries, boolean stored) throws IOException {
        Path f = Files.createTempFile(tmp, "hostile", ".pt");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (stored) {
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setCrc(crc.getValue());
                }
                z.putNextEntry(entry);
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return f;
    }

    Path checkpoint(byte[] pickle, Map<String, byte[]> storages) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("archive/data.pkl", pickle);
        storages.forEach((k, v) -> entries.put("archive/data/" + k, v));
        entries.put("archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        return zip(entries, true);
    }

    String refused(byte[] pickle) throws IOException {
        return refused(checkpoint(pickle, Map.of()));
    }

    String refused(Path file) {
        FileFormatException e = assertThrows(FileFormatException.class, () -> TorchCheckpoint.read(file));
        System.out.println("refused: " + e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
        return e.getMessage();
    }

    static void contains(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "'" + message + "' should contain '" + p + "'");
        }
    }

    @Test
    void aWellFormedHandWrittenTensorReads() throws IOException {
        byte[] data = new byte[4 * 6];
        for (int i = 0; i < 6; i++) {
            int bits = Float.floatToIntBits(i);
            for (int b = 0; b < 4; b++) {
                data[4 * i + b] = (byte) (bits >>> (8 * b));
            }
        }
        // a [3, 2] view with strides (1, 3): the transpose of [[0, 1, 2], [3, 4, 5]]
        Map<String, Tensor> s = TorchCheckpoint.read(checkpoint(oneTensor("0", 6, 0, new int[] {3, 2}, new int[] {1, 3}),
                Map.of("0", data)));
        assertEquals("[0.0, 3.0, 1.0, 4.0, 2.0, 5.0]", Arrays.toString(s.get("w").data()));
    }

    @Test
    void globalsOfCodeAreRefusedByName() throws IOException {
        for (String[] g : new String[][] {{"os", "system"}, {"builtins", "eval"}, {"posix", "system"}, {"subprocess", "Popen"}}) {
            String m = refused(proto().global(g[0], g[1]).str("touch /tmp/pwned").op(0x85, 'R', '.').bytes());
            contains(m, "archive/data.pkl byte 2: GLOBAL " + g[0] + "." + g[1] + " is not allowed", "nothing was executed");
        }
    }

    @Test
    void reduceOfANonCallableIsRefused() throws IOException {
        contains(refused(proto().global("torch", "FloatStorage").op(')', 'R', '.').bytes()),
                "REDUCE of torch.FloatStorage is not allowed");
        contains(refused(proto().str("os.system").op(')', 'R', '.').bytes()), "REDUCE of a str is not allowed");
        contains(refused(proto().global("collections", "OrderedDict").str("x").op(0x85, 'R', '.').bytes()),
                "OrderedDict called with arguments");
    }

    @Test
    void opcodesThatBuildObjectsAreRefused() throws IOException {
        contains(refused(proto().op(0x8c, 2).op('o', 's').op(0x8c, 6).op("system".chars().toArray()).op(0x93, '.').bytes()),
                "GLOBAL os.system is not allowed");
        contains(refused(proto().op(0x93, '.').bytes()), "STACK_GLOBAL (0x93) on an empty stack");
        contains(refused(proto().op('i').bytes()), "opcode INST (0x69) is not allowed");
        contains(refused(proto().op(0x81).bytes()), "opcode NEWOBJ (0x81) is not allowed");
        contains(refused(proto().op(0xff).bytes()), "opcode 0xff (unknown) is not allowed");
    }

    @Test
    void hugeStringLengthsAreCheckedBeforeAllocating() throws IOException {
        contains(refused(proto().op('X').le32(0xfffffff0L).op('.').bytes()),
                "BINUNICODE (0x58) needs 4294967280 bytes but only 1 remain");
        contains(refused(proto().op(0x8a, 200).bytes()), "LONG1 of 200 bytes");
    }

    @Test
    void deepNestingIsBounded() throws IOException {
        Pickle marks = proto();
        for (int i = 0; i < 100_000; i++) {
            marks.op('(');
        }
        contains(refused(marks.bytes()), "MARK nesting deeper than " + Unpickler.MAX_MARKS);
        Pickle lists = proto();
        for (int i = 0; i < 2_000_000; i++) {
            lists.op(']');
        }
        contains(refused(lists.bytes()), "more than " + Unpickler.MAX_STACK + " values on the pickle stack");
    }

    @Test
    void memoIndicesMustHaveBeenStored() throws IOException {
        contains(refused(proto().op('h', 5, '.').bytes()), "memo index 5 was never stored (0 entries)");
        contains(refused(proto().op('}', 'q', 0, 'j').le32(0xffffffffL).op('.').bytes()), "memo index 4294967295 was never stored");
    }

    @Test
    void storagesPastTheEndOfTheirEntryAreRefused() throws IOException {
        contains(refused(checkpoint(oneTensor("0", 1000, 0, new int[] {1000}, new int[] {1}), Map.of("0", new byte[8]))),
                "'w': storage 0 of 1000 FloatStorage elements runs past the end of its entry (8 bytes)");
        contains(refused(checkpoint(oneTensor("0", 2, 0, new int[] {10}, new int[] {1}), Map.of("0", new byte[8]))),
                "'w': size [10], stride [1] and offset 0 reach element 9 of a storage of 2");
        contains(refused(checkpoint(oneTensor("0", 2, 5, new int[] {1}, new int[] {1}), Map.of("0", new byte[8]))),
                "reach element 5 of a storage of 2");
        contains(refused(checkpoint(oneTensor("0", 2, 0, new int[] {65536, 65536, 65536}, new int[] {1, 1, 1}), Map.of("0", new byte[8]))),
                "is more than a tensor holds");
        contains(refused(checkpoint(oneTensor("1", 2, 0, new int[] {2}, new int[] {1}), Map.of("0", new byte[8]))),
                "storage archive/data/1 is missing");
    }

    @Test
    void persistentIdsOfTheWrongFormAreRefused() throws IOException {
        contains(refused(proto().op('(').str("storage").global("torch", "FloatStorage").str("0").op('t', 'Q', '.').bytes()),
                "persistent id of the wrong form");
        contains(refused(proto().op('(').str("storage").global("collections", "OrderedDict").str("0").str("cpu").integer(1)
                .op('t', 'Q', '.').bytes()), "persistent id names collections.OrderedDict, not a storage class");
        contains(refused(proto().op('(').str("storage").global("torch", "FloatStorage").str("../../etc/passwd").str("cpu")
                .integer(1).op('t', 'Q', '.').bytes()), "storage key must be letters, digits or '_'");
    }

    @Test
    void declaredSizesBeyondTheLimitAreRefusedBeforeInflating() throws IOException {
        // a zip-bomb-like data.pkl: 70 MB of zeros deflated to a few KB
        Path f = Files.createTempFile(tmp, "bomb", ".pt");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("archive/data.pkl"));
            byte[] chunk = new byte[1 << 20];
            for (int i = 0; i < 70; i++) {
                z.write(chunk);
            }
            z.closeEntry();
        }
        assertTrue(Files.size(f) < 1 << 20);
        contains(refused(f), "archive/data.pkl declares 73400320 bytes (at most " + TorchCheckpoint.MAX_PICKLE_BYTES + " allowed)");
        // the same as a storage: a tiny pickle naming 70 MB of floats in a deflated entry
        Path g = Files.createTempFile(tmp, "bomb", ".pt");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(g))) {
            z.putNextEntry(new ZipEntry("archive/data.pkl"));
            z.write(oneTensor("0", 70 << 18, 0, new int[] {70 << 18}, new int[] {1}));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("archive/data/0"));
            byte[] chunk = new byte[1 << 20];
            for (int i = 0; i < 70; i++) {
                z.write(chunk);
            }
            z.closeEntry();
        }
        contains(refused(g), "archive/data/0 is compressed and declares 73400320 bytes (at most 67108864 are inflated");
    }

    @Test
    void truncatedFilesAreRefused() throws IOException {
        byte[] whole = Files.readAllBytes(TorchFixturesTest.dir().resolve("lstm.pt"));
        Path cut = tmp.resolve("cut.pt");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
        contains(refused(cut), "not a readable torch.save zip");
        byte[] pickle = oneTensor("0", 2, 0, new int[] {2}, new int[] {1});
        contains(refused(Arrays.copyOf(pickle, pickle.length - 3)), "truncated: the pickle ends before its STOP opcode");
    }

    @Test
    void legacyBigEndianAndForeignFilesAreRefused() throws IOException {
        Path legacy = tmp.resolve("legacy.pt");
        Files.write(legacy, new byte[] {(byte) 0x80, 2, (byte) 0x8a, 10, 0x6c, (byte) 0xfc, (byte) 0x9c, 0x46});
        contains(refused(legacy), "legacy (pre-1.6)", "re-save it with torch.save");
        Map<String, byte[]> big = new LinkedHashMap<>();
        big.put("archive/data.pkl", proto().op('}', '.').bytes());
        big.put("archive/byteorder", "big".getBytes(StandardCharsets.US_ASCII));
        contains(refused(zip(big, true)), "byteorder is 'big': only little-endian files are supported");
        Path text = tmp.resolve("text.pt");
        Files.writeString(text, "hello");
        contains(refused(text), "not a torch.save file");
        contains(refused(zip(Map.of("x.txt", new byte[1]), false)), "zip has no <name>/data.pkl");
        contains(refused(proto().op(']', '.').bytes()), "holds a list, not a state_dict");
        contains(refused(proto().op('}').str("step").integer(3).op('s', '.').bytes()),
                "'step' is of type int, not a tensor");
    }
}
