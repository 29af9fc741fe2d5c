package org.rnn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/**
 * A model folder is committed as a whole: a JVM halted (as by SIGKILL) at each point between the
 * writes of one save leaves the old folder or the new one, never new weights with an old config, and
 * the next load cleans what it left; a loader refuses NaN weights naming file and tensor.
 */
class ModelCommitTest {
    @TempDir
    Path dir;

    @Test
    void haltedBetweenTheWritesOfOneSaveLeavesOldOrNewNeverMixed() throws Exception {
        for (CommitHook.Point p : CommitHook.Point.values()) {
            Path model = dir.resolve("m-" + p);
            SaveChild.main(new String[] {model.toString(), "1"});
            assertEquals(CommitHook.HALT_STATUS, child(model, 2, p), p.name());
            float tag = consistentTag(model);
            float expected = p == CommitHook.Point.NEW_IN_PLACE ? 2 : 1;
            assertEquals(expected, tag, p.name());
            try (Stream<Path> s = Files.list(dir)) {
                List<String> left = new ArrayList<>(s.map(f -> f.getFileName().toString()).filter(f -> f.contains("m-" + p)).toList());
                assertEquals(List.of("m-" + p), left, "stale temp folders after load, halted at " + p);
            }
            SaveChild.main(new String[] {model.toString(), "3"}); // the next save works over what is left
            assertEquals(3f, consistentTag(model), p.name());
        }
    }

    @Test
    void loaderRejectsNonFiniteWeightsNamingFileAndTensor() throws IOException {
        Path model = dir.resolve("nan");
        ModelDirectory.save(model, Map.of("fc.weight", Tensor.of(Shape.of(2), 1f, Float.NaN)),
                new ObjectMapper().createObjectNode().put("tag", 1));
        FileFormatException e = assertThrows(FileFormatException.class, () -> ModelDirectory.load(model));
        assertTrue(e.getMessage().contains(model.resolve(ModelDirectory.WEIGHTS).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("tensor fc.weight holds a non-finite value (NaN at flat index 1)"), e.getMessage());
    }

    @Test
    void aFolderWithOtherFilesIsNeverReplaced() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(notes.resolve("notes.txt"), "keep me");
        FileFormatException e = assertThrows(FileFormatException.class, () -> SaveChild.main(new String[] {notes.toString(), "1"}));
        assertTrue(e.getMessage().contains("holds notes.txt, which is not part of a model"), e.getMessage());
        assertEquals("keep me", Files.readString(notes.resolve("notes.txt")));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of("mine"), s.map(f -> f.getFileName().toString()).toList());
        }
        Path old = Files.createDirectories(dir.resolve("old"));
        Files.writeString(old.resolve(".model.safetensors.123.tmp"), "left by an older writer");
        SaveChild.main(new String[] {old.toString(), "4"});
        assertEquals(4f, consistentTag(old));
        try (Stream<Path> s = Files.list(old)) {
            assertEquals(2, s.count()); // the stale temp file went with the old folder
        }
    }

    /** Loads the folder (recovering it) and checks its weights and config come from the same save. */
    private static float consistentTag(Path model) throws Exception {
        ModelDirectory.Saved s = ModelDirectory.load(model);
        float w = s.stateDict().get("w").data()[0];
        assertEquals(w, (float) s.config().get("tag").asDouble(), "weights and config from different saves in " + model);
        return w;
    }

    private static int child(Path model, int tag, CommitHook.Point haltAt) throws IOException, InterruptedException {
        String cp = System.getProperty("java.class.path");
        String mp = System.getProperty("jdk.module.path");
        if (mp != null && !mp.isEmpty()) {
            cp = cp + File.pathSeparator + mp;
        }
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp", cp));
        if (haltAt != null) {
            cmd.add("-D" + CommitHook.PROPERTY + "=" + haltAt.name());
        }
        cmd.addAll(List.of(SaveChild.class.getName(), model.toString(), Integer.toString(tag)));
        Process pr = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(pr.getInputStream().readAllBytes());
        int rc = pr.waitFor();
        if (rc != 0 && rc != CommitHook.HALT_STATUS) {
            throw new AssertionError("child exited " + rc + ": " + out);
        }
        return rc;
    }
}
