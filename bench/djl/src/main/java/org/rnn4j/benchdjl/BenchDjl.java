package org.rnn4j.benchdjl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * PyTorch 2.7.1 (libtorch through DJL's PyTorch engine) on the workloads of
 * bench/pytorch/bench_torch.py, with the same command line and the same {@code RESULT {json}}
 * lines: one per timed chunk; thread counts switched inside the process and interleaved per
 * repetition (ABBA: 1,2,2,1,...); warm-up once per thread count.
 */
public final class BenchDjl {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final int HZ = 100; // USER_HZ of /proc/stat on Linux

    private BenchDjl() {}

    /** The command line, bench_torch.py's arguments. */
    @Command(name = "run.sh",
            description = "PyTorch (libtorch via DJL) on the bench_torch.py workloads; one RESULT {json} line per timed chunk.")
    static final class Args {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
        boolean help;
        @Option(names = "--workload", required = true, description = "W1, W2, W3, W3g, W4b1, W4b32, W5train, W5sample or PEAK")
        String workload;
        @Option(names = "--threads", split = ",", description = "thread counts, interleaved per repetition (default: 1,2)")
        List<Integer> threads = new ArrayList<>(List.of(1, 2));
        @Option(names = "--reps", description = "timed chunks per thread count (default: 2)")
        int reps = 2;
        @Option(names = "--steps", description = "override the steps per chunk")
        int steps;
        @Option(names = "--round")
        int round;
        @Option(names = "--variant", description = "the variant key (default: $ANCHOR_VARIANT or default)")
        String variant = System.getenv().getOrDefault("ANCHOR_VARIANT", "default");
        @Option(names = "--flush-denormal", description = "1: FTZ|DAZ as torch.set_flush_denormal(True) (default), 0: off")
        int flushDenormal = 1;
        @Option(names = "--check", arity = "0..1", fallbackValue = "30",
                description = "no timing: shapes, the loss of the first N steps (30), the Adam and denormal checks")
        int check;
    }

    public static void main(String[] argv) throws IOException {
        Args args = new Args();
        CommandLine cl = new CommandLine(args);
        try {
            cl.parseArgs(argv);
        } catch (CommandLine.ParameterException e) {
            System.err.println("error: " + e.getMessage());
            cl.usage(System.err);
            System.exit(2);
        }
        if (cl.isUsageHelpRequested()) {
            cl.usage(System.out);
            return;
        }
        String workload = args.workload;
        if (!Workloads.ALL.containsKey(workload)) {
            System.err.println("error: --workload must be one of " + Workloads.ALL.keySet());
            System.exit(2);
        }
        List<Integer> threads = args.threads;
        int reps = args.reps;
        int stepsOverride = args.steps;
        int round = args.round;
        String variant = args.variant;
        boolean flush = args.flushDenormal != 0;
        int check = args.check;

        // torch.set_flush_denormal(...) before any torch work, as bench_torch.py does; the shim is
        // needed for 1 (set) and used for 0 too when present (clear, which is also the JVM default).
        String err = Shim.load();
        if (err != null && flush) {
            System.err.println("--flush-denormal 1 needs the JNI shim: " + err);
            System.exit(2);
        }
        if (Shim.isLoaded()) {
            Shim.setFlush(flush);
        }

        Engine engine = Engine.getEngine("PyTorch");
        // DJL's getVersion() is what its native-library properties file says; the shim asks the
        // loaded libtorch itself (at::show_config(): TORCH_VERSION=...). The anchor uses the latter.
        String djlTorchVersion = engine.getVersion().split("[+-]")[0];
        String runtimeVersion = Shim.runtimeTorchVersion();
        if (runtimeVersion == null) {
            System.err.println("[bench-djl] WARNING: could not read TORCH_VERSION from the loaded"
                    + " libtorch; using DJL's version " + djlTorchVersion);
        } else if (!runtimeVersion.equals(djlTorchVersion)) {
            System.err.println("[bench-djl] WARNING: DJL says PyTorch " + djlTorchVersion
                    + " but the loaded libtorch says " + runtimeVersion);
        }
        String torchVersion = runtimeVersion != null ? runtimeVersion : djlTorchVersion;
        String anchor = "torch-" + torchVersion + "-djl";
        int defaultThreads = JniUtils.getNumThreads();
        String features = String.join(",", new TreeSet<>(JniUtils.getFeatures()));
        String torchLib = loadedLibrary("libtorch_cpu.so");
        System.err.printf("[bench-djl] DJL %s, PyTorch %s (DJL's properties) / %s (loaded libtorch's"
                        + " TORCH_VERSION), loaded %s, features [%s], intra-op threads %d (default),"
                        + " inter-op threads %d, MXCSR 0x%s%n",
                Engine.getDjlVersion(), djlTorchVersion, runtimeVersion, torchLib, features,
                defaultThreads, JniUtils.getNumInteropThreads(),
                Shim.isLoaded() ? Integer.toHexString(Shim.getCsr()) : "?");
        if (System.getenv("RNN4J_SHOW_TORCH_CONFIG") != null && Shim.isLoaded()) {
            System.err.println(Shim.torchConfig());
        }

        try (NDManager m = NDManager.newBaseManager()) {
            Workloads.Workload w = Workloads.ALL.get(workload).apply(m);
            if (check > 0) {
                runCheck(w, workload, check, m);
                return;
            }
            int chunk = stepsOverride > 0 ? stepsOverride : w.chunk();
            for (int nt : threads) { // warm-up once per thread count
                setThreads(nt);
                for (int s = 0; s < w.warm(); s++) {
                    try (NDScope scope = new NDScope()) {
                        w.step().run();
                        scope.suppressNotUsedWarning();
                    }
                }
            }
            List<Integer> order = new ArrayList<>();
            for (int r = 0; r < reps; r++) { // ABBA order to cancel drift
                for (int k = 0; k < threads.size(); k++) {
                    order.add(threads.get(r % 2 == 0 ? k : threads.size() - 1 - k));
                }
            }
            int ncpu = cpuCount();
            for (int nt : order) {
                setThreads(nt);
                double b0 = busySeconds();
                long c0 = processCpuNanos();
                long t0 = System.nanoTime();
                double consumed = 0;
                for (int s = 0; s < chunk; s++) {
                    try (NDScope scope = new NDScope()) {
                        NDArray out = w.step().run();
                        if (s == chunk - 1) { // consume the result (forces it to exist)
                            consumed = out.toType(DataType.FLOAT32, false).sum().getFloat();
                        }
                        scope.suppressNotUsedWarning();
                    }
                }
                double dt = (System.nanoTime() - t0) / 1e9;
                double own = (processCpuNanos() - c0) / 1e9;
                double other = Math.max(0.0, (busySeconds() - b0 - own) / (dt * ncpu));
                Map<String, Object> rec = new LinkedHashMap<>();
                rec.put("anchor", anchor);
                rec.put("variant", variant);
                rec.put("workload", workload);
                rec.put("threads", nt);
                rec.put("round", round);
                rec.put("steps", chunk);
                rec.put("seconds", dt);
                rec.put("unit", w.unit());
                rec.put("value", w.items() * chunk / dt);
                rec.put("ms_per_step", 1000.0 * dt / chunk);
                rec.put("blas_core", features);
                rec.put("default_num_threads", defaultThreads);
                rec.put("flush_denormal", flush);
                rec.put("own_cpu_per_wall", own / dt);
                rec.put("other_cpu_frac", other);
                rec.put("loadavg1", loadavg1());
                rec.put("torch_num_threads", JniUtils.getNumThreads());
                rec.put("mxcsr_ftz_daz", Shim.flushOn());
                rec.put("consumed", consumed);
                System.out.println("RESULT " + GSON.toJson(rec));
                System.out.flush();
            }
        }
    }

    /** torch.set_num_threads(n): at::set_num_threads (OpenMP + MKL) for the following chunk. */
    private static void setThreads(int n) {
        JniUtils.setNumThreads(n);
    }

    /** --check: shapes, and the consumed value of each of the first n steps (the loss for training). */
    private static void runCheck(Workloads.Workload w, String workload, int n, NDManager m) {
        System.out.println("CHECK " + workload + ": " + w.shapes());
        setThreads(1);
        for (int s = 0; s < n; s++) {
            try (NDScope scope = new NDScope()) {
                Workloads.trace = s == 0;
                NDArray out = w.step().run();
                Workloads.trace = false;
                System.out.printf("CHECK %s step %d out shape %s value %.6f%n", workload, s + 1,
                        out.getShape(), out.toType(DataType.FLOAT32, false).sum().getFloat());
                scope.suppressNotUsedWarning();
            }
        }
        adamSelfTest(m);
        denormalProbe(m);
    }

    /** Whether PyTorch's kernels see FTZ/DAZ: 1e-39 (a float denormal) * 1 is 0 with DAZ. */
    private static void denormalProbe(NDManager m) {
        try (NDScope scope = new NDScope()) {
            float[] out = m.create(new float[] {1e-39f, 1e-39f}).mul(1f).toFloatArray();
            System.out.printf("CHECK denormal probe: torch computes 1e-39f * 1 = %s (MXCSR FTZ|DAZ %s)%n",
                    out[0], Shim.flushOn());
            scope.suppressNotUsedWarning();
        }
    }

    /**
     * Checks {@link Nn.TorchAdam} against torch.optim.Adam's formula computed in double here:
     * loss = sum(w * c), so grad = c; 5 steps at lr 0.01.
     */
    private static void adamSelfTest(NDManager m) {
        float[] w0 = {0.5f, -0.25f, 1e-3f, 2f, -1.5f};
        float[] c = {1f, -2f, 1e-6f, 0.3f, -4f};
        NDArray w = m.create(w0);
        NDArray cc = m.create(c);
        Nn.TorchAdam opt = new Nn.TorchAdam(new NDList(w), 0.01f);
        double[] ref = new double[5];
        double[] mm = new double[5];
        double[] vv = new double[5];
        for (int i = 0; i < 5; i++) {
            ref[i] = w0[i];
        }
        for (int t = 1; t <= 5; t++) {
            try (NDScope scope = new NDScope()) {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(w.mul(cc).sum());
                }
                opt.step();
                scope.suppressNotUsedWarning();
            }
            for (int i = 0; i < 5; i++) {
                mm[i] = 0.9 * mm[i] + 0.1 * c[i];
                vv[i] = 0.999 * vv[i] + 0.001 * c[i] * (double) c[i];
                double denom = Math.sqrt(vv[i]) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8;
                ref[i] -= 0.01 / (1 - Math.pow(0.9, t)) * mm[i] / denom;
            }
        }
        float[] got = w.toFloatArray();
        double maxDiff = 0;
        for (int i = 0; i < 5; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(got[i] - ref[i]));
        }
        System.out.printf("CHECK adam vs torch.optim.Adam formula after 5 steps: max |diff| %.3g%n", maxDiff);
    }

    // ------------------------------------------------------------------ measurement helpers

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** System-wide non-idle CPU seconds from /proc/stat (all cores), as bench_torch.py's busy_seconds. */
    private static double busySeconds() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = line.trim().split("\\s+");
            long sum = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) {
                sum += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return (sum - idle) / (double) HZ;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Number of "cpuN" lines in /proc/stat (what os.cpu_count() counts). */
    private static int cpuCount() {
        try {
            return (int) Files.readAllLines(Path.of("/proc/stat")).stream()
                    .filter(l -> l.matches("cpu\\d+ .*")).count();
        } catch (IOException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    private static double loadavg1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The file a loaded shared library was mapped from (/proc/self/maps). */
    private static String loadedLibrary(String name) {
        try {
            return Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .filter(l -> l.endsWith("/" + name))
                    .map(l -> l.substring(l.indexOf('/')))
                    .findFirst().orElse(name + " not mapped");
        } catch (IOException e) {
            return "?";
        }
    }
}
