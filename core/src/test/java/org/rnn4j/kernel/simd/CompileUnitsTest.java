package org.rnn4j.kernel.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The C2 directives of {@link CompileUnits} are installed on HotSpot (OpenJDK, Temurin) and say what the resource says. */
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
        assumeTrue(!"false".equalsIgnoreCase(System.getProperty(CompileUnits.PROPERTY)), "directives switched off");
        new VectorKernels(); // loads VectorGemm, whose initialiser installs them
        assertEquals("installed", CompileUnits.STATUS);
        String printed = printDirectives();
        // C2's own listing of the active directives: the vector helpers forced in, the rest of the package kept out
        assertEquals(true, printed.contains("+org/rnn4j/kernel/simd/VectorMath.*"), printed);
        assertEquals(true, printed.contains("-org/rnn4j/kernel/simd/*.*"), printed);
    }
}
