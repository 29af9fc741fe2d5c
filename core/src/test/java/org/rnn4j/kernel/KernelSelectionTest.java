package org.rnn4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kernels' choice as a pure function of the configuration ({@code rnn4j.kernels} …) and of
 * whether the Vector API module is present (the "absent" rows exercise the fallback logic inside
 * this JVM, which has the module; {@link KernelFallbackTest} runs a JVM that really lacks it), plus
 * forcing at run time and reading the configuration.
 */
class KernelSelectionTest {
    private static final String MISSING = "rnn4j: Vector API not available: using scalar kernels, with which recurrent"
            + " layers run tens of times slower; start java with --add-modules jdk.incubator.vector"
            + " (-Drnn4j.vector.notice=false silences this)";

    private static KernelConfig config(Map<String, String> properties) {
        return KernelConfig.from(properties::get);
    }

    private static KernelConfig kernels(String value) {
        return KernelConfig.from(name -> name.equals(KernelConfig.KERNELS) ? value : null);
    }

    private static void assertScalar(KernelSet s) {
        assertEquals(KernelKind.SCALAR, s.kind());
        assertInstanceOf(ScalarGemmKernels.class, s.gemm());
        assertInstanceOf(ScalarElementwiseKernels.class, s.elementwise());
        assertInstanceOf(ScalarIndexKernels.class, s.index());
        assertInstanceOf(ScalarLossKernels.class, s.loss());
        assertInstanceOf(ScalarOptimizerKernels.class, s.optimizer());
        assertInstanceOf(ScalarRecurrentKernels.class, s.recurrent());
    }

    private static void assertVector(KernelSet s) {
        assertEquals(KernelKind.VECTOR, s.kind());
        assertEquals("org.rnn4j.kernel.simd.VectorGemmKernels", s.gemm().getClass().getName());
        assertEquals("org.rnn4j.kernel.simd.VectorElementwiseKernels", s.elementwise().getClass().getName());
        assertEquals("org.rnn4j.kernel.simd.VectorOptimizerKernels", s.optimizer().getClass().getName());
        assertEquals("org.rnn4j.kernel.simd.VectorRecurrentKernels", s.recurrent().getClass().getName());
    }

    @Test
    void moduleAbsentFallsBackToScalarWithANotice() {
        for (String property : new String[] {null, "", "vector", "VECTOR "}) {
            Kernels.Selection s = Kernels.select(kernels(property), false);
            assertScalar(s.kernels());
            assertEquals(MISSING, s.notice(), "property " + property);
        }
    }

    @Test
    void theVectorNoticeCanBeSilenced() {
        Kernels.Selection s = Kernels.select(config(Map.of(KernelConfig.VECTOR_NOTICE, "false")), false);
        assertScalar(s.kernels());
        assertNull(s.notice());
        Kernels.Selection bad = Kernels.select(config(Map.of(KernelConfig.VECTOR_NOTICE, "false",
                KernelConfig.KERNELS, "gpu")), false);
        assertEquals("rnn4j: unknown rnn4j.kernels=gpu (expected scalar or vector); using scalar kernels", bad.notice());
    }

    @Test
    void forcedScalarNeedsNoNotice() {
        for (boolean present : new boolean[] {true, false}) {
            Kernels.Selection s = Kernels.select(kernels("scalar"), present);
            assertScalar(s.kernels());
            assertNull(s.notice());
        }
    }

    @Test
    void modulePresentPicksVectorKernels() {
        for (String property : new String[] {null, "vector", " Vector"}) {
            Kernels.Selection s = Kernels.select(kernels(property), true);
            assertVector(s.kernels());
            assertEquals(Kernels.VECTOR_CLASS, s.vector().getClass().getName());
            assertNull(s.notice());
        }
    }

    @Test
    void unknownPropertyValueIsNamedInTheNotice() {
        Kernels.Selection s = Kernels.select(kernels("gpu"), true);
        assertVector(s.kernels());
        assertEquals("rnn4j: unknown rnn4j.kernels=gpu (expected scalar or vector); using vector kernels", s.notice());
        Kernels.Selection absent = Kernels.select(kernels("gpu"), false);
        assertScalar(absent.kernels());
        assertTrue(absent.notice().startsWith("rnn4j: unknown rnn4j.kernels=gpu (expected scalar or vector); "
                + "Vector API not available"), absent.notice());
    }

    @Test
    void theConfigurationReadsEveryPropertyOnce() {
        assertEquals(KernelConfig.DEFAULTS, config(Map.of()));
        KernelConfig c = config(Map.of(KernelConfig.KERNELS, "scalar", KernelConfig.THREADS, " 3",
                KernelConfig.DENORMALS, "keep", KernelConfig.DIRECTIVES, "false", KernelConfig.SPIN_MICROS, "0",
                KernelConfig.VECTOR_NOTICE, "false"));
        assertEquals(new KernelConfig(KernelConfig.Choice.SCALAR, 3, false, false, 0, false, List.of()), c);
        KernelConfig bad = config(Map.of(KernelConfig.THREADS, "0", KernelConfig.SPIN_MICROS, "soon"));
        assertEquals(0, bad.threads());
        assertEquals(KernelConfig.DEFAULTS.spinMicros(), bad.spinMicros());
        assertEquals(List.of("unknown rnn4j.threads=0 (expected a count >= 1)",
                "unknown rnn4j.spin.micros=soon (expected microseconds >= 0)"), bad.problems());
        assertThrows(IllegalArgumentException.class,
                () -> new KernelConfig(KernelConfig.Choice.AUTO, -1, true, true, 0, true, List.of()));
        assertSame(KernelConfig.current(), KernelConfig.current());
    }

    @Test
    void thisJvmStartsWithVectorKernelsAndCanForceEither() {
        // surefire passes --add-modules jdk.incubator.vector (see the parent pom)
        assertTrue(Kernels.vectorAvailable());
        KernelSet before = Kernels.get();
        try {
            // VECTOR unless the run forces scalar kernels (mvn test -Drnn4j.kernels=scalar)
            Kernels.Selection start = Kernels.select(KernelConfig.current(), true);
            assertEquals(start.kernels().kind(), Kernels.kind());
            assertEquals(start.notice(), Kernels.notice().orElse(null));
            Kernels.use(KernelKind.SCALAR);
            assertScalar(Kernels.get());
            assertEquals(KernelKind.SCALAR, Kernels.kind());
            assertTrue(Kernels.describe().startsWith("scalar kernels, "), Kernels.describe());
            Kernels.use(KernelKind.VECTOR);
            assertVector(Kernels.get());
            Kernels.prepare();
            Kernels.prepare(); // idempotent
            assertTrue(Kernels.describe().matches("vector kernels \\(\\d+ float lanes, C2 directives [^)]*\\)+, \\d+ threads?"),
                    Kernels.describe());
        } finally {
            Kernels.use(before);
        }
        assertSame(before, Kernels.get());
    }
}
