package org.rnn4j.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one numeric seam: every inner loop over floats lives behind one of the kernel families, and
 * this class holds the process-wide choice of their implementation. Callers write
 * {@code Kernels.gemm().gemm(…)}, {@code Kernels.recurrent().lstmGatesForward(…)}; code that calls
 * many kernels in a row may hold {@code KernelSet k = Kernels.get()} for the duration of one call.
 *
 * <p>Selection (once, on first use, from {@link KernelConfig}): the Vector API kernels when the
 * module {@code jdk.incubator.vector} is in the boot layer (the JVM was started with
 * {@code --add-modules jdk.incubator.vector}), the scalar references otherwise;
 * {@code rnn4j.kernels=scalar|vector} forces a choice, and so does {@link #use(KernelKind)} at run
 * time. When the choice deserves a word to the user (the Vector API is missing, a property value is
 * not understood) {@link #notice()} holds one line, which is also logged once per process through
 * {@link System.Logger} (logger {@code org.rnn4j.kernel}, level WARNING; the library never prints).
 *
 * <p>{@link #prepare()} gets the selected kernels ready to run fast; loading a class does nothing
 * of the kind.
 */
public final class Kernels {
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    static final String VECTOR_CLASS = "org.rnn4j.kernel.simd.VectorKernels";
    private static final System.Logger LOG = System.getLogger("org.rnn4j.kernel");

    /** The outcome of the start-up choice: the kernels, the one-line notice (or null), the vector provider (or null). */
    record Selection(KernelSet kernels, String notice, KernelProvider vector) {
        Selection {
            Objects.requireNonNull(kernels, "kernels");
        }
    }

    private static final Selection START = select(KernelConfig.current(), vectorModulePresent());
    private static volatile KernelSet current = START.kernels();
    private static boolean prepared;

    static {
        if (START.notice() != null) {
            LOG.log(System.Logger.Level.WARNING, START.notice());
        }
    }

    private Kernels() {
    }

    /** The selected kernels of every family (read once per call by code that uses several). */
    public static KernelSet get() {
        return current;
    }

    /** Matrix products. */
    public static GemmKernels gemm() {
        return current.gemm();
    }

    /** Elementwise arithmetic, activations, reductions, softmax. */
    public static ElementwiseKernels elementwise() {
        return current.elementwise();
    }

    /** Strided copies, gather / scatter, masks, pooling. */
    public static IndexKernels index() {
        return current.index();
    }

    /** Fused loss loops. */
    public static LossKernels loss() {
        return current.loss();
    }

    /** Optimizer updates and clipping. */
    public static OptimizerKernels optimizer() {
        return current.optimizer();
    }

    /** Recurrent gate steps. */
    public static RecurrentKernels recurrent() {
        return current.recurrent();
    }

    /**
     * Gets the selected kernels ready to run fast, once per process (later calls return at once): for
     * the vector kernels, installs the C2 compiler directives that fix their compile units (unless
     * {@code rnn4j.jit.directives=false}) and runs the GEMM warm-up, before any real work. The CLI
     * and the trainers call it first; a library user should too. Results are the same bits without it.
     */
    public static synchronized void prepare() {
        if (prepared) {
            return;
        }
        if (current.kind() == KernelKind.VECTOR && START.vector() != null) {
            START.vector().prepare(KernelConfig.current());
        }
        prepared = current.kind() == KernelKind.VECTOR || START.vector() == null;
    }

    /** True when {@code jdk.incubator.vector} is present at run time, so {@link KernelKind#VECTOR} can be used. */
    public static boolean vectorAvailable() {
        return vectorModulePresent();
    }

    private static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    private static final String VECTOR_MISSING = "Vector API not available: using scalar kernels, with which recurrent"
            + " layers run tens of times slower; start java with --add-modules " + VECTOR_MODULE
            + " (-D" + KernelConfig.VECTOR_NOTICE + "=false silences this)";

    /**
     * The start-up choice, as a function of the configuration and of whether the Vector API module is
     * present (so the fallback logic is testable in any JVM).
     */
    static Selection select(KernelConfig config, boolean vectorModulePresent) {
        List<String> parts = new ArrayList<>(config.problems());
        KernelSet kernels = KernelSet.scalar();
        KernelProvider vector = null;
        if (vectorModulePresent) {
            try {
                vector = loadVector();
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                if (config.kernels() != KernelConfig.Choice.SCALAR) {
                    parts.add("vector kernels failed to load (" + e + "); using scalar kernels");
                }
            }
        }
        if (config.kernels() != KernelConfig.Choice.SCALAR) {
            if (!vectorModulePresent) {
                if (config.vectorNotice()) {
                    parts.add(VECTOR_MISSING);
                } else if (!parts.isEmpty()) {
                    parts.add("using scalar kernels");
                }
            } else if (vector != null) {
                kernels = vector.kernels();
                if (!parts.isEmpty()) {
                    parts.add("using vector kernels");
                }
            }
        }
        return new Selection(kernels, parts.isEmpty() ? null : "rnn4j: " + String.join("; ", parts), vector);
    }

    private static KernelProvider loadVector() throws ReflectiveOperationException {
        readVectorModule();
        return (KernelProvider) Class.forName(VECTOR_CLASS).getDeclaredConstructor().newInstance();
    }

    /**
     * On the module path, lets this module read {@code jdk.incubator.vector} before the SIMD classes
     * load. The module descriptor does not require it, not even statically: javac 17 warns about every
     * compile that resolves an incubator module, and the build fails on warnings. On the class path
     * (the unnamed module reads every module) this does nothing.
     */
    private static void readVectorModule() {
        Module self = Kernels.class.getModule();
        ModuleLayer.boot().findModule(VECTOR_MODULE).ifPresent(vector -> {
            if (self.isNamed() && !self.canRead(vector)) {
                self.addReads(vector);
            }
        });
    }

    /** Replaces the kernels used from now on (e.g. an instrumented set in a test). */
    public static void use(KernelSet kernels) {
        current = Objects.requireNonNull(kernels, "kernels");
    }

    /**
     * Switches to the given implementation from now on.
     *
     * @throws IllegalStateException for {@link KernelKind#VECTOR} when {@code jdk.incubator.vector} is absent
     */
    public static void use(KernelKind kind) {
        switch (kind) {
            case SCALAR -> current = KernelSet.scalar();
            case VECTOR -> {
                if (!vectorModulePresent()) {
                    throw new IllegalStateException("kernels: vector kernels need the module " + VECTOR_MODULE
                            + " (start java with --add-modules " + VECTOR_MODULE + "); it is absent");
                }
                if (START.vector() == null) {
                    throw new IllegalStateException("kernels: cannot load " + VECTOR_CLASS);
                }
                current = START.vector().kernels();
            }
        }
    }

    /** Which kind of kernels is in use. */
    public static KernelKind kind() {
        return current.kind();
    }

    /** One line for the user about the start-up choice (e.g. the Vector API is missing), if any. */
    public static Optional<String> notice() {
        return Optional.ofNullable(START.notice());
    }

    /** What is in use, e.g. {@code "vector kernels (16 float lanes, C2 directives installed), 2 threads"}. */
    public static String describe() {
        String what = current.kind() == KernelKind.VECTOR && START.vector() != null ? START.vector().describe() : "scalar kernels";
        return what + ", " + Parallel.threads() + (Parallel.threads() == 1 ? " thread" : " threads");
    }

    /** The number of threads kernels use; see {@link Parallel}. */
    public static int threads() {
        return Parallel.threads();
    }

    /** Sets the number of threads kernels use (≥ 1); results are bitwise identical for any count. */
    public static void setThreads(int n) {
        Parallel.setThreads(n);
    }
}
