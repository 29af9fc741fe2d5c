package org.rnn4j.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.Version;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

class AtomicFilesAndModelDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void atomicWriteReplacesContentAndLeavesNoTempFiles() throws IOException {
        Path f = dir.resolve("sub/out.txt");
        AtomicFiles.writeString(f, "first");
        AtomicFiles.writeString(f, "second");
        assertEquals("second", Files.readString(f));
        try (Stream<Path> s = Files.list(f.getParent())) {
            assertEquals(List.of("out.txt"), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void failedWriteKeepsOldContentAndCleansUp() throws IOException {
        Path f = dir.resolve("keep.txt");
        AtomicFiles.writeString(f, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("partial".getBytes());
            throw new IOException("disk on fire");
        }));
        assertEquals("disk on fire", e.getMessage());
        assertEquals("old", Files.readString(f));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void modelDirectoryRoundTrip() throws IOException {
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put("rnn.weight_ih_l0", Tensor.of(Shape.of(2, 1), 0.1f, -0.2f));
        state.put("fc.bias", Tensor.of(Shape.of(1), 3.25f));
        ObjectNode config = new ObjectMapper().createObjectNode().put("architecture", "rnn").put("hidden_size", 2);
        Path model = dir.resolve("model");
        ModelDirectory.save(model, state, config);

        ModelDirectory.Saved saved = ModelDirectory.load(model);
        assertEquals(List.copyOf(state.keySet()), List.copyOf(saved.stateDict().keySet()));
        assertArrayEquals(state.get("rnn.weight_ih_l0").data(), saved.stateDict().get("rnn.weight_ih_l0").data());
        assertEquals(config, saved.config());
        assertEquals("pt", saved.metadata().get("format"));
        assertEquals(Version.get(), saved.metadata().get("rnn4j_version"));
        assertEquals(model.resolve(ModelDirectory.WEIGHTS), ModelDirectory.weightsFile(model));
    }

    @Test
    void versionComesFromTheBuild() {
        assertTrue(Version.get().matches("\\d+\\.\\d+\\.\\d+.*"), Version.get());
    }

    @Test
    void missingPartsAreNamed() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> ModelDirectory.load(empty));
        assertTrue(e.getMessage().contains("model folder has no model.safetensors"), e.getMessage());
        assertThrows(NoSuchFileException.class, () -> ModelDirectory.weightsFile(dir.resolve("absent")));
        SafeTensors.write(empty.resolve(ModelDirectory.WEIGHTS), Map.of());
        e = assertThrows(NoSuchFileException.class, () -> ModelDirectory.load(empty));
        assertTrue(e.getMessage().contains("config.json"), e.getMessage());
        Files.writeString(empty.resolve(ModelDirectory.CONFIG), "{oops");
        FileFormatException f = assertThrows(FileFormatException.class, () -> ModelDirectory.load(empty));
        assertTrue(f.getMessage().startsWith(empty.resolve("config.json") + ": not valid JSON"), f.getMessage());
    }
}
