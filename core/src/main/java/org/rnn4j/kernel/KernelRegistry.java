package org.rnn4j.kernel;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds the process-wide {@link Kernels}.
 *
 * <p>At start-up it picks the Vector API kernels when the module {@code jdk.incubator.vector} is in
 * the boot layer (the JVM was started with {@code --add-modules jdk.incubator.vector}), and
 * {@link ScalarKernels} otherwise. The system property {@code rnn4j.kernels=scalar|vector} forces
 * a choice; so does {@link #use(KernelKind)} at run time. The library never prints: when the choice
 * deserves a word to the user (the Vector API is missing, an unknown property value) {@link #notice()}
 * holds one line that a CLI may show; {@link #describe()} says what is in use.
 */
public final class KernelRegistry {
    /** System property forcing the kernels: {@code scalar} or {@code vector}. */
    public static final String PROPERTY = "rnn4j.kernels";
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    static final String VECTOR_CLASS = "org.rnn4j.kernel.simd.VectorKernels";

    /** A choice of kernels and the one-line notice (or null) that goes with it. */
    record Selection(Kernels kernels, KernelKind kind, String notice) {
        Selection {
            Objects.requireNonNull(kernels, "kernels");
        }
    }

    private static volatile Selection current = select(System.getProperty(PROPERTY), vectorModulePresent());

    private KernelRegistry() {
    }

    static Kernels current() {
        return current.kernels();
    }

    /** True when {@code jdk.incubator.vector} is present at run time, so {@link KernelKind#VECTOR} can be used. */
    public static boolean vectorAvailable() {
        return vectorModulePresent();
    }

    private static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /**
     * The start-up choice, as a pure function of the property value and of whether the Vector API
     * module is present (so the fallback logic is testable in any JVM).
     */
    static Selection select(String property, boolean vectorModulePresent) {
        String want = property == null ? "" : property.trim().toLowerCase(Locale.ROOT);
        String prefix = "";
        if (want.equals("scalar")) {
            return new Selection(new ScalarKernels(), KernelKind.SCALAR, null);
        }
        if (!want.isEmpty() && !want.equals("vector")) {
            prefix = "unknown " + PROPERTY + "=" + property + " (expected scalar or vector); ";
        }
        if (!vectorModulePresent) {
            return new Selection(new ScalarKernels(), KernelKind.SCALAR, "rnn4j: " + prefix
                    + "Vector API not available (start java with --add-modules " + VECTOR_MODULE
                    + " for faster kernels); using scalar kernels");
        }
        try {
            Kernels vector = loadVector();
            return new Selection(vector, KernelKind.VECTOR, prefix.isEmpty() ? null : "rnn4j: " + prefix + "using vector kernels");
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return new Selection(new ScalarKernels(), KernelKind.SCALAR, "rnn4j: " + prefix
                    + "vector kernels failed to load (" + e + "); using scalar kernels");
        }
    }

    private static Kernels loadVector() throws ReflectiveOperationException {
        readVectorModule();
        return (Kernels) Class.forName(VECTOR_CLASS).getDeclaredConstructor().newInstance();
    }

    /** Replaces the kernels used from now on (e.g. an instrumented implementation in a test). */
    public static void use(Kernels kernels) {
        Objects.requireNonNull(kernels, "kernels");
        KernelKind kind = kernels.getClass().getName().equals(VECTOR_CLASS) ? KernelKind.VECTOR : KernelKind.SCALAR;
        current = new Selection(kernels, kind, null);
    }

    /**
     * Switches to the given implementation from now on.
     *
     * @throws IllegalStateException for {@link KernelKind#VECTOR} when {@code jdk.incubator.vector} is absent
     */
    public static void use(KernelKind kind) {
        switch (kind) {
            case SCALAR -> current = new Selection(new ScalarKernels(), KernelKind.SCALAR, null);
            case VECTOR -> {
                if (!vectorModulePresent()) {
                    throw new IllegalStateException("kernels: vector kernels need the module " + VECTOR_MODULE
                            + " (start java with --add-modules " + VECTOR_MODULE + "); it is absent");
                }
                try {
                    current = new Selection(loadVector(), KernelKind.VECTOR, null);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("kernels: cannot load " + VECTOR_CLASS, e);
                }
            }
        }
    }

    /** Which kind of kernels is in use. */
    public static KernelKind kind() {
        return current.kind();
    }

    /** One line for the user about the start-up choice (e.g. the Vector API is missing), if any. */
    public static Optional<String> notice() {
        return Optional.ofNullable(current.notice());
    }

    /** What is in use, e.g. {@code "vector kernels (16 float lanes, C2 directives installed), 2 threads"}. */
    public static String describe() {
        return current.kernels() + ", " + Parallel.threads() + (Parallel.threads() == 1 ? " thread" : " threads");
    }

    /** The number of threads kernels use; see {@link Parallel}. */
    public static int threads() {
        return Parallel.threads();
    }

    /** Sets the number of threads kernels use (≥ 1); results are bitwise identical for any count. */
    public static void setThreads(int n) {
        Parallel.setThreads(n);
    }

    /**
     * On the module path, lets this module read {@code jdk.incubator.vector} before the SIMD classes
     * load. The module descriptor does not require it, not even statically: javac 17 warns about every
     * compile that resolves an incubator module, and the build fails on warnings. On the class path
     * (the unnamed module reads every module) this does nothing.
     */
    static void readVectorModule() {
        Module self = KernelRegistry.class.getModule();
        ModuleLayer.boot().findModule(VECTOR_MODULE).ifPresent(vector -> {
            if (self.isNamed() && !self.canRead(vector)) {
                self.addReads(vector);
            }
        });
    }
}
