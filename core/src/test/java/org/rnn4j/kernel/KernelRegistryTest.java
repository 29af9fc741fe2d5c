package org.rnn4j.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The registry's choice as a pure function of {@code rnn4j.kernels} and of whether the Vector API
 * module is present (the "absent" rows exercise the fallback logic inside this JVM, which has the
 * module; {@link KernelFallbackTest} runs a JVM that really lacks it), plus forcing at run time.
 */
class KernelRegistryTest {

    @Test
    void moduleAbsentFallsBackToScalarWithANotice() {
        for (String property : new String[] {null, "", "vector", "VECTOR "}) {
            KernelRegistry.Selection s = KernelRegistry.select(property, false);
            assertEquals(KernelKind.SCALAR, s.kind(), "property " + property);
            assertInstanceOf(ScalarKernels.class, s.kernels());
            assertEquals("rnn4j: Vector API not available (start java with --add-modules jdk.incubator.vector"
                    + " for faster kernels); using scalar kernels", s.notice());
        }
    }

    @Test
    void forcedScalarNeedsNoNotice() {
        for (boolean present : new boolean[] {true, false}) {
            KernelRegistry.Selection s = KernelRegistry.select("scalar", present);
            assertEquals(KernelKind.SCALAR, s.kind());
            assertNull(s.notice());
        }
    }

    @Test
    void modulePresentPicksVectorKernels() {
        for (String property : new String[] {null, "vector", " Vector"}) {
            KernelRegistry.Selection s = KernelRegistry.select(property, true);
            assertEquals(KernelKind.VECTOR, s.kind());
            assertEquals(KernelRegistry.VECTOR_CLASS, s.kernels().getClass().getName());
            assertNull(s.notice());
        }
    }

    @Test
    void unknownPropertyValueIsNamedInTheNotice() {
        KernelRegistry.Selection s = KernelRegistry.select("gpu", true);
        assertEquals(KernelKind.VECTOR, s.kind());
        assertEquals("rnn4j: unknown rnn4j.kernels=gpu (expected scalar or vector); using vector kernels", s.notice());
        KernelRegistry.Selection absent = KernelRegistry.select("gpu", false);
        assertEquals(KernelKind.SCALAR, absent.kind());
        assertTrue(absent.notice().startsWith("rnn4j: unknown rnn4j.kernels=gpu (expected scalar or vector); "
                + "Vector API not available"), absent.notice());
    }

    @Test
    void thisJvmStartsWithVectorKernelsAndCanForceEither() {
        // surefire passes --add-modules jdk.incubator.vector (see the parent pom)
        assertTrue(KernelRegistry.vectorAvailable());
        Kernels before = Kernels.get();
        try {
            // VECTOR unless the run forces scalar kernels (mvn test -Drnn4j.kernels=scalar)
            KernelRegistry.Selection start = KernelRegistry.select(System.getProperty(KernelRegistry.PROPERTY), true);
            assertEquals(start.kind(), KernelRegistry.kind());
            assertEquals(start.notice(), KernelRegistry.notice().orElse(null));
            KernelRegistry.use(KernelKind.SCALAR);
            assertInstanceOf(ScalarKernels.class, Kernels.get());
            assertEquals(KernelKind.SCALAR, KernelRegistry.kind());
            assertTrue(KernelRegistry.describe().startsWith("scalar kernels, "), KernelRegistry.describe());
            KernelRegistry.use(KernelKind.VECTOR);
            assertEquals(KernelRegistry.VECTOR_CLASS, Kernels.get().getClass().getName());
            assertTrue(KernelRegistry.describe().matches("vector kernels \\(\\d+ float lanes, C2 directives [^)]*\\)+, \\d+ threads?"),
                    KernelRegistry.describe());
        } finally {
            KernelRegistry.use(before);
        }
        assertSame(before, Kernels.get());
    }
}
