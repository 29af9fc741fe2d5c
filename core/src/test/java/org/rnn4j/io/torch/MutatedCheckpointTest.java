package org.rnn4j.io.torch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.io.FileFormatException;

/**
 * Seeded byte mutations of the PyTorch-made fixtures: the reader either reads a state_dict or
 * refuses with a {@link FileFormatException} (the unpickler with its own refusal); never another
 * exception, never a hang or a huge allocation.
 */
class MutatedCheckpointTest {
    private static final List<String> FIXTURES = List.of("lstm.pt", "gru_noncontiguous.pt", "lstm_shared_storage.pt",
            "lstm_proj.pt", "classifier_dataparallel.pt", "gru_protocol4.pt");

    @TempDir
    Path tmp;

    static byte[] pickleOf(Path pt) throws IOException {
        try (ZipFile z = new ZipFile(pt.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                if (e.getName().endsWith("/data.pkl")) {
                    return z.getInputStream(e).readAllBytes();
                }
            }
        }
        throw new IllegalStateException("no data.pkl in " + pt);
    }

    static byte[] mutate(byte[] in, SplittableRandom r) {
        byte[] b = in.clone();
        int edits = 1 + r.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = r.nextInt(b.length);
            switch (r.nextInt(3)) {
                case 0 -> b[at] = (byte) r.nextInt(256);
                case 1 -> b[at] ^= (byte) (1 << r.nextInt(8));
                default -> b[at] = (byte) (r.nextBoolean() ? 0xff : 0x00);
            }
        }
        return r.nextInt(8) == 0 ? java.util.Arrays.copyOf(b, r.nextInt(b.length)) : b;
    }

    @Test
    void mutatedPicklesAreReadOrRefused() throws IOException {
        SplittableRandom r = new SplittableRandom(19);
        int refused = 0;
        for (String f : FIXTURES) {
            byte[] pickle = pickleOf(TorchFixturesTest.dir().resolve(f));
            for (int i = 0; i < 500; i++) {
                try {
                    Unpickler.load(mutate(pickle, r));
                } catch (Unpickler.Refused e) {
                    refused++;
                }
            }
        }
        assertTrue(refused > 0);
    }

    @Test
    void mutatedFilesAreReadOrRefused() throws IOException {
        SplittableRandom r = new SplittableRandom(20);
        Path f = tmp.resolve("m.pt");
        for (String name : FIXTURES) {
            byte[] whole = Files.readAllBytes(TorchFixturesTest.dir().resolve(name));
            for (int i = 0; i < 30; i++) {
                Files.write(f, mutate(whole, r));
                try {
                    TorchCheckpoint.read(f);
                } catch (FileFormatException e) {
                    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
                }
            }
        }
    }
}
