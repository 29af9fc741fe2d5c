package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The tool run in a JVM without {@code --add-modules jdk.incubator.vector}: every command shows the
 * library's notice once, as one plain line on stderr, and {@code -Drnn4j.vector.notice=false}
 * silences it.
 */
class VectorNoticeTest {
    private static final String NOTICE = "rnn4j: Vector API not available: using scalar kernels, with which recurrent"
            + " layers run tens of times slower; start java with --add-modules jdk.incubator.vector"
            + " (-Drnn4j.vector.notice=false silences this)";

    /** Runs the CLI with {@code jvmArgs} and {@code args}; returns {stdout, stderr}. */
    private static String[] run(List<String> jvmArgs, String... args) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xshare:auto", "-XX:TieredStopAtLevel=1"));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile("rnn4j-notice", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("CLI JVM did not finish: " + cmd);
            }
            assertEquals(0, p.exitValue(), out + File.separator + Files.readString(err));
            return new String[] {out, Files.readString(err)};
        } finally {
            Files.deleteIfExists(err);
        }
    }

    @Test
    void everyCommandShowsTheNoticeOnceOnStderr() throws Exception {
        for (String[] args : new String[][] {{"--version"}, {"demo", "--help"}}) {
            String[] r = run(List.of(), args);
            assertEquals(List.of(NOTICE), r[1].lines().filter(l -> l.contains("Vector API")).toList(), r[1]);
            assertTrue(!r[0].contains(NOTICE), r[0]);
        }
    }

    @Test
    void thePropertySilencesIt() throws Exception {
        String[] r = run(List.of("-Drnn4j.vector.notice=false"), "--version");
        assertEquals(0, r[1].lines().filter(l -> l.contains("Vector API")).count(), r[1]);
    }
}
