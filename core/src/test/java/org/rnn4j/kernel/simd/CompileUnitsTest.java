package org.rnn4j.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.rnn4j.kernel.KernelConfig;

/**
 * The C2 directives of {@link CompileUnits} are installed on HotSpot (OpenJDK, Temurin) by the
 * explicit preparation and say what the resource says.
 */
class CompileUnitsTest {
    private static final String DCMD = "com.sun.management:type=DiagnosticCommand";

    private static String printDirectives() throws Exception {
        return String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName(DCMD), "compilerDirectivesPrint",
                new Object[] {new String[0]}, new String[] {String[].class.getName()}));
    }

    @Test
    void installedOnHotSpotBeforeAnyKernelRuns() throws Exception {
        assumeTrue(ManagementFactory.getPlatformMBeanServer().isRegistered(new ObjectName(DCMD)),
                "needs HotSpot's diagnostic commands");
        assumeTrue(KernelConfig.current().compilerDirectives(), "directives switched off");
        new VectorKernels().prepare(KernelConfig.current()); // what Kernels.prepare() does for vector kernels
        assertEquals("installed", CompileUnits.status());
        String printed = printDirectives();
        // C2's own listing of the active directives: the vector helpers forced in, the rest of the package kept out
        assertEquals(true, printed.contains("+org/rnn4j/kernel/simd/VectorMath.*"), printed);
        assertEquals(true, printed.contains("-org/rnn4j/kernel/simd/*.*"), printed);
    }
}
