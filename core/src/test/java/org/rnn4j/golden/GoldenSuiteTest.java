package org.rnn4j.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * Runs every case file of a golden folder (system property {@code golden.dir}, default the copy in
 * the repository) against rnn4j and prints {@code golden: N cases, P passed, F failed, Q pending}.
 * A kind without a runner fails, unless it belongs to a later issue ({@link GoldenRunners#PENDING}).
 */
class GoldenSuiteTest {
    private static final AtomicInteger CASES = new AtomicInteger();
    private static final AtomicInteger PASSED = new AtomicInteger();
    private static final AtomicInteger FAILED = new AtomicInteger();
    private static final AtomicInteger PENDING = new AtomicInteger();
    private static final List<String> FAILURES = new ArrayList<>();

    static Path goldenDir() {
        String dir = System.getProperty("golden.dir");
        Path p = dir == null || dir.isBlank() ? Path.of("..", "testdata", "golden") : Path.of(dir);
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("golden.dir " + p.toAbsolutePath() + " is not a directory");
        }
        return p;
    }

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException {
        Path dir = goldenDir();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> !f.getFileName().toString().equals("index.json"))
                    .sorted()
                    .toList();
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("golden.dir " + dir.toAbsolutePath() + " holds no case files");
        }
        ObjectMapper mapper = new ObjectMapper();
        Map<String, CaseRunner> runners = GoldenRunners.all();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            CASES.incrementAndGet();
            GoldenCase c;
            try {
                JsonNode json = mapper.readTree(f.toFile());
                c = GoldenCase.of(f.getFileName().toString().replace(".json", ""), json);
            } catch (IOException e) {
                fail(f.getFileName().toString(), "unreadable: " + e.getMessage());
                throw e;
            }
            CaseRunner runner = c.kind() == null ? null : runners.get(c.kind());
            if (runner == null) {
                if (c.kind() != null && GoldenRunners.PENDING.contains(c.kind())) {
                    PENDING.incrementAndGet();
                    throw new TestAbortedException(c.name() + ": kind " + c.kind() + " is pending (later issue)");
                }
                String msg = c.name() + ": no runner for kind " + c.kind() + " (module " + c.module() + ")";
                fail(c.name(), msg);
                throw new AssertionError(msg);
            }
            try {
                runner.run(c);
                PASSED.incrementAndGet();
            } catch (Throwable t) {
                fail(c.name(), String.valueOf(t.getMessage()));
                throw t;
            }
        }));
    }

    private static synchronized void fail(String name, String msg) {
        FAILED.incrementAndGet();
        FAILURES.add(msg);
    }

    @AfterAll
    static void summary() {
        System.out.println("golden: " + CASES.get() + " cases, " + PASSED.get() + " passed, " + FAILED.get()
                + " failed, " + PENDING.get() + " pending  (dir " + goldenDir().toAbsolutePath().normalize() + ")");
        int shown = 0;
        for (String f : FAILURES) {
            if (shown++ == 20) {
                System.out.println("  ... and " + (FAILURES.size() - 20) + " more");
                break;
            }
            System.out.println("  FAILED " + f);
        }
    }
}
