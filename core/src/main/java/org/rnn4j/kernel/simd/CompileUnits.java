package org.rnn4j.kernel.simd;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Tells HotSpot's optimising compiler (C2) where the vector kernels' compile units begin and end,
 * through its compiler directives (JEP 165; the diagnostic command behind
 * {@code jcmd PID Compiler.directives_add}), installed by {@code Kernels.prepare()} before any
 * kernel runs hot.
 *
 * <p>Why: a Vector API value stays in a register only while every method it passes through is
 * inlined into one compilation; a vector passed to or returned from a call that is not inlined is
 * boxed on the heap, and an intrinsic left over when the compilation has grown past C2's node
 * budget (NodeCountInliningCutoff) runs as its boxed Java fallback. Left to its own heuristics, C2
 * decides both by profile counts and by the order in which methods happen to be compiled: a helper
 * such as {@link VectorMath#tanh} compiled on its own first is "already compiled into a big
 * method" and is not inlined any more (every vector crossing the call is boxed), while a caller
 * compiled first inlines three activations, their tails and a cell update until the budget runs
 * out. So the same build could box in one process and not in the next ({@code KernelGarbageTest}
 * catches it). The directives do not cover every case: the GEMM micro-kernel, one method with no
 * calls, can still be compiled boxed.
 *
 * <p>The directives (resource {@value #RESOURCE}) make the units fixed: methods that take or return
 * vectors ({@link VectorMath}, two in {@link VectorReductions}, {@code VectorElementwiseKernels.v})
 * and four tiny scalar helpers called per element are always inlined; every other method of this
 * package, all of which take arrays, is never inlined into a caller, so each stays one small
 * compilation with its vectors inside. They apply to C2 only and name only this package's methods.
 *
 * <p>{@code -Drnn4j.jit.directives=false} leaves C2 to its heuristics. On a JVM without the
 * diagnostic command (not HotSpot, or management disabled) nothing is installed and the kernels
 * work as before; {@link #status()} says which, for {@code describe()}.
 */
final class CompileUnits {
    static final String RESOURCE = "c2-directives.json";
    /** "installed", "off (…)", "not installed (reason)", or "not installed (Kernels.prepare() not called)". */
    private static volatile String status = "not installed (Kernels.prepare() not called)";
    private static boolean attempted;

    private CompileUnits() {
    }

    /** What became of the directives, for {@code describe()}. */
    static String status() {
        return status;
    }

    /** Installs the directives once per process ({@code wanted = false}: records that they are off); later calls do nothing. */
    static synchronized void install(boolean wanted) {
        if (attempted) {
            return;
        }
        attempted = true;
        status = wanted ? add() : "off (" + org.rnn4j.kernel.KernelConfig.DIRECTIVES + "=false)";
    }

    private static String add() {
        Path file = null;
        try (InputStream in = CompileUnits.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "not installed (resource " + RESOURCE + " missing)";
            }
            file = Files.createTempFile("rnn4j-c2-directives", ".json");
            Files.write(file, in.readAllBytes());
            Object reply = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            String text = String.valueOf(reply).trim();
            return text.startsWith("1 compiler directives added") ? "installed" : "not installed (" + text + ")";
        } catch (IOException | JMException | RuntimeException | LinkageError e) {
            return "not installed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }
}
