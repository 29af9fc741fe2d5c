package org.rnn4j.cli.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./rnn4j} launcher runs the JVM in its own process ({@code exec}): a SIGTERM sent to the
 * launcher's process id reaches the JVM, and no JVM outlives the launcher. The launcher runs from a
 * copy beside a stand-in jar (a class that sleeps), so nothing is built.
 */
class LauncherSignalTest {
    @TempDir
    Path dir;

    @Test
    void sigtermToTheLauncherLeavesNoJvmBehind() throws Exception {
        Path script = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "rnn4j");
        if (!Files.isRegularFile(script)) {
            script = Path.of("..", "rnn4j");
        }
        assumeTrue(Files.isRegularFile(script) && Files.isExecutable(Path.of("/bin/bash")), "needs the launcher and bash");
        Path launcher = Files.copy(script, dir.resolve("rnn4j"));
        Path jar = Files.createDirectories(dir.resolve("cli/target")).resolve("rnn4j.jar");
        writeJar(jar);
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", launcher.toString()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", Path.of(java).getParent().getParent().toString());
        Process p = pb.start();
        try {
            runAndStop(p);
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly); // a failed run leaves nothing behind either
            p.destroyForcibly();
        }
    }

    private static void runAndStop(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("up")) {
            // the launcher's own lines, if any
        }
        assertEquals("up", line);
        List<ProcessHandle> below = p.descendants().toList();
        assertEquals(List.of(), below.stream().filter(h -> h.info().command().orElse("").endsWith("/java")).toList(),
                "the JVM must replace the launcher, not run below it");
        assertFalse(p.info().command().orElse("java").endsWith("bash"), "the launcher's process must be the JVM");
        p.destroy(); // SIGTERM to the launcher's process id
        assertEquals(true, p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(143, p.exitValue());
        for (ProcessHandle h : below) {
            h.onExit().get(20, TimeUnit.SECONDS);
        }
    }

    private static void writeJar(Path jar) throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Sleeper.class.getName());
        String entry = Sleeper.class.getName().replace('.', '/') + ".class";
        try (OutputStream f = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(f, m)) {
            j.putNextEntry(new JarEntry(entry));
            try (var in = Sleeper.class.getClassLoader().getResourceAsStream(entry)) {
                in.transferTo(j);
            }
            j.closeEntry();
        }
    }
}
