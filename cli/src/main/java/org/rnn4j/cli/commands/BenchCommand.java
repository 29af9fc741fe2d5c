package org.rnn4j.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnn4j.bench.BenchResult;
import org.rnn4j.bench.BenchRunner;
import org.rnn4j.bench.BenchScale;
import org.rnn4j.bench.BenchSettings;
import org.rnn4j.bench.BenchWorkload;
import org.rnn4j.bench.Workload;
import org.rnn4j.cli.BaseCommand;
import org.rnn4j.cli.VersionProvider;
import org.rnn4j.kernel.Kernels;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code rnn4j bench}: times the workloads of the benchmark definition (W1–W5sample) the way the
 * PyTorch script does, and prints throughput, GFLOP/s and CPU-time figures as a table or JSON lines.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Time the benchmark workloads W1, W2, W3, W3g, W4b1, W4b32, W5train, W5sample: the same models, data, "
                    + "loss, optimizer, warm-up and chunks as bench/pytorch/bench_torch.py.",
            "Reports the median (and best) throughput of the timed chunks in wall-clock time, GFLOP/s (matrix "
                    + "products only, training = 3 x forward), and throughput per second of this process's CPU "
                    + "time (the machine may be shared). Runs on all cores unless --threads N is given (compare with PyTorch at the same count); "
                    + "the seeds are fixed by the definition (--seed is ignored).",
            "Workloads: W1 sine RNN training; W2 DNA biLSTM; W3 / W3g text LSTM / GRU; W4b1 / W4b32 LSTM "
                    + "inference at batch 1 / 32; W5train char-LM training; W5sample char-LM sampling."})
public final class BenchCommand extends BaseCommand {
    /** One JSON object per line. */
    private static final ObjectMapper JSON_LINES = new ObjectMapper();

    @Option(names = "--workload", paramLabel = "ID", split = ",", converter = WorkloadConverter.class,
            description = "Workloads to run, comma-separated or repeated (default: all, in the order above).")
    List<BenchWorkload> workloads = new ArrayList<>();

    @Option(names = "--reps", paramLabel = "N", defaultValue = "" + BenchSettings.DEFAULT_REPS,
            description = "Timed chunks per workload (default: ${DEFAULT-VALUE}); the median is reported.")
    int reps;

    @Option(names = "--chunk", paramLabel = "STEPS",
            description = "Steps per timed chunk instead of the workload's own (W1 2000, W2/W3/W3g/W5train 3, "
                    + "W4b1 30, W4b32 6, W5sample 4000).")
    Integer chunk;

    @Option(names = "--warmup", paramLabel = "STEPS",
            description = "Untimed steps first instead of the workload's own (W1 300, W4b1 5, W5sample 300, else 1).")
    Integer warmup;

    @Option(names = "--quick",
            description = "Batch <= 2 and sequences <= 6 steps: a smoke test of the code path; the figures are not comparable.")
    boolean quick;

    /** Labels such as {@code W3g}, case-insensitive. */
    static final class WorkloadConverter implements ITypeConverter<BenchWorkload> {
        @Override
        public BenchWorkload convert(String value) {
            try {
                return BenchWorkload.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage().replaceFirst("^bench: ", ""));
            }
        }
    }

    @Override
    protected int execute() throws Exception {
        List<BenchWorkload> run = workloads.isEmpty() ? List.of(BenchWorkload.values()) : workloads;
        Map<BenchWorkload, BenchSettings> settings = new LinkedHashMap<>();
        for (BenchWorkload id : run) {
            settings.put(id, settings(id)); // bad counts are usage errors before anything runs
        }
        BenchScale scale = quick ? BenchScale.QUICK : BenchScale.FULL;
        int threads = Kernels.threads(); // --threads N, else all cores (applied by BaseCommand)
        info("bench: " + Kernels.describe() + (quick ? ", quick shapes (figures not comparable)" : ""));
        List<BenchResult> results = new ArrayList<>();
        for (BenchWorkload id : run) {
            BenchResult r = runOne(id, settings.get(id), scale);
            results.add(r);
            if (common.json()) {
                out().println(JSON_LINES.writeValueAsString(jsonRecord(r, threads)));
                out().flush();
            }
        }
        if (!common.json()) {
            printTable(results, threads);
        }
        return 0;
    }

    private BenchSettings settings(BenchWorkload id) {
        BenchSettings s = BenchSettings.defaults(id);
        try {
            s = s.withReps(reps);
            if (chunk != null) {
                s = s.withChunkSteps(chunk);
            }
            if (warmup != null) {
                s = s.withWarmupSteps(warmup);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine(), e.getMessage());
        }
        return s;
    }

    private BenchResult runOne(BenchWorkload id, BenchSettings s, BenchScale scale) {
        info(id.label() + ": " + id.description());
        Workload w = id.create(scale);
        String item = id.unit().replace("/s", "").replaceFirst("s$", "");
        String perStep = item.equals("step") ? "" : w.itemsPerStep() + " " + id.unit().replace("/s", "") + " per step, ";
        info(String.format(Locale.ROOT, "%s: %d warm-up step%s, then %d chunk%s of %d step%s; %s%s FLOP per %s",
                id.label(), s.warmupSteps(), plural(s.warmupSteps()), s.reps(), plural(s.reps()), s.chunkSteps(),
                plural(s.chunkSteps()), perStep, number(w.flopsPerItem()), item));
        int[] n = {0};
        return BenchRunner.run(w, s, c -> info(String.format(Locale.ROOT, "%s: chunk %d/%d  %s %s  %.3f ms/step  CPU share %s  %s MB allocated/step",
                id.label(), ++n[0], s.reps(), number(c.throughput(w.itemsPerStep())), id.unit(), c.msPerStep(),
                fixed(c.cpuShare(), 2), fixed(c.allocatedBytesPerStep() / 1e6, 3))));
    }

    /** The JSON line of one workload: the keys the benchmark definition compares first, then details. */
    static Map<String, Object> jsonRecord(BenchResult r, int threads) {
        BenchWorkload id = r.workload();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workload", id.label());
        m.put("threads", threads);
        m.put("throughput", finite(r.medianThroughput()));
        m.put("unit", id.unit());
        m.put("gflops", finite(r.gflops()));
        m.put("throughput_best", finite(r.bestThroughput()));
        m.put("cpu_throughput", finite(r.medianCpuThroughput()));
        m.put("cpu_gflops", finite(r.cpuGflops()));
        m.put("ms_per_step", finite(r.medianMsPerStep()));
        if (id.reportsLatency()) {
            m.put("latency_ms", finite(r.medianMsPerStep()));
        }
        m.put("cpu_share", finite(r.medianCpuShare()));
        m.put("other_cpu_frac", finite(r.medianOtherCpuFraction()));
        m.put("alloc_bytes_per_step", finite(r.medianAllocatedBytesPerStep()));
        m.put("reps", r.settings().reps());
        m.put("steps", r.settings().chunkSteps());
        m.put("warmup", r.settings().warmupSteps());
        m.put("items_per_step", r.itemsPerStep());
        m.put("flops_per_item", r.flopsPerItem());
        m.put("last_value", finite(r.lastValue()));
        m.put("chunks_per_s", r.chunks().stream().map(c -> finite(c.throughput(r.itemsPerStep()))).toList());
        m.put("kernels", Kernels.describe());
        m.put("java", Runtime.version().toString());
        return m;
    }

    private void printTable(List<BenchResult> results, int threads) {
        Table t = new Table("workload", "threads", "throughput", "unit", "best", "ms/step", "GFLOP/s",
                "per CPU-s", "CPU share", "others").alignRight(1, 2, 4, 5, 6, 7, 8, 9);
        for (BenchResult r : results) {
            t.row(r.workload().label(), Integer.toString(threads), number(r.medianThroughput()), r.workload().unit(),
                    number(r.bestThroughput()), fixed(r.medianMsPerStep(), 3), fixed(r.gflops(), 2),
                    number(r.medianCpuThroughput()), fixed(r.medianCpuShare(), 2), fixed(r.medianOtherCpuFraction(), 2));
        }
        t.print(out());
        BenchSettings any = results.get(0).settings();
        out().printf(Locale.ROOT, "medians of %d chunk%s; per CPU-s = items per second of this process's CPU time; "
                + "others = share of the cores busy with other processes; %s%n",
                any.reps(), plural(any.reps()), Kernels.describe());
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Three significant digits at least, thousands separated: 12,350 · 557 · 26.6 · 0.631. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "-";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, a >= 100 ? "%.1f" : a >= 10 ? "%.2f" : "%.3f", v);
    }

    private static String fixed(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "-";
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
