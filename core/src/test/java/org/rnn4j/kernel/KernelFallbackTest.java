package org.rnn4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The scalar fallback for real: starts a JVM without {@code jdk.incubator.vector} (the classes were
 * compiled with it) and checks that the scalar kernels are chosen, the one-line notice is logged
 * exactly once (through {@link System.Logger}, to stderr by default), the results are correct, and
 * vector kernels cannot be forced.
 */
class KernelFallbackTest {

    private static List<String> probe(String... jvmArgs) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String main = Path.of(Kernels.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String test = Path.of(KernelFallbackProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xshare:auto", "-XX:TieredStopAtLevel=1"));
        cmd.addAll(List.of(jvmArgs));
        cmd.addAll(List.of("-cp", main + File.pathSeparator + test, KernelFallbackProbe.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("probe JVM did not finish: " + cmd);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }

    @Test
    void withoutTheVectorModuleTheScalarKernelsRun() throws Exception {
        List<String> out = probe();
        assertTrue(out.contains("kind=SCALAR"), out.toString());
        assertTrue(out.contains("available=false"), out.toString());
        String notice = "rnn4j: Vector API not available: using scalar kernels, with which recurrent layers run tens"
                + " of times slower; start java with --add-modules jdk.incubator.vector (-Drnn4j.vector.notice=false"
                + " silences this)";
        assertTrue(out.contains("notice=" + notice), out.toString());
        assertEquals(1, logged(out, notice), out.toString());
        assertTrue(out.contains("gemm=[4.0, 5.0, 10.0, 11.0]"), out.toString());
        assertTrue(out.stream().anyMatch(l -> l.startsWith("describe=scalar kernels, ")), out.toString());
        assertTrue(out.contains("force=kernels: vector kernels need the module jdk.incubator.vector "
                + "(start java with --add-modules jdk.incubator.vector); it is absent"), out.toString());
    }

    /** How many lines of the child's output carry {@code notice} as a log message (not the probe's own print). */
    private static long logged(List<String> out, String notice) {
        return out.stream().filter(l -> l.contains(notice) && !l.startsWith("notice=")).count();
    }

    @Test
    void theNoticeCanBeSilenced() throws Exception {
        List<String> out = probe("-Drnn4j.vector.notice=false");
        assertTrue(out.contains("kind=SCALAR"), out.toString());
        assertTrue(out.contains("notice=none"), out.toString());
        assertEquals(0, out.stream().filter(l -> l.contains("Vector API")).count(), out.toString());
    }

    @Test
    void thePropertyForcesScalarEvenWithTheModule() throws Exception {
        List<String> out = probe("--add-modules", "jdk.incubator.vector", "-Drnn4j.kernels=scalar", "-Drnn4j.threads=3");
        assertTrue(out.contains("kind=SCALAR"), out.toString());
        assertTrue(out.contains("available=true"), out.toString());
        assertTrue(out.contains("notice=none"), out.toString());
        assertTrue(out.contains("describe=scalar kernels, 3 threads"), out.toString());
        assertTrue(out.contains("gemm=[4.0, 5.0, 10.0, 11.0]"), out.toString());
    }
}
