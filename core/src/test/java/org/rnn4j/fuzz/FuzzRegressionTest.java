package org.rnn4j.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replays every file under {@code src/test/resources/fuzz-regressions/<reader>/} through that reader. */
class FuzzRegressionTest {
    static final Path ROOT = Path.of("src", "test", "resources", "fuzz-regressions");

    @TempDir
    Path work;

    @Test
    void everyKeptRegressionFileKeepsTheContract() throws IOException {
        Map<String, FuzzTargets.Target> targets = FuzzTargets.all(work).stream()
                .collect(Collectors.toMap(FuzzTargets.Target::name, t -> t));
        List<Path> files;
        try (Stream<Path> s = Files.walk(ROOT)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no regression files under " + ROOT);
        for (Path f : files) {
            String reader = ROOT.relativize(f).getName(0).toString();
            FuzzTargets.Target t = targets.get(reader);
            if (t == null) {
                throw new AssertionError("regression file " + f + " is in a folder that names no reader: " + targets.keySet());
            }
            Path dir = Files.createDirectories(work.resolve("replay").resolve(reader).resolve(f.getFileName().toString()));
            Path file = dir.resolve(t.fileName());
            Files.copy(f, file);
            assertNull(ReaderFuzzTest.run(t, file), f.toString());
        }
    }
}
