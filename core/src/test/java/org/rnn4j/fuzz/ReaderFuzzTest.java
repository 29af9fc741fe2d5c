package org.rnn4j.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutation fuzzer over every reader: each runs on mutants of its valid seed files until
 * {@link #MUTANTS} are done or its time budget is spent (the budget only stops the loop; nothing is
 * asserted about time). Every mutant must read or fail with the project's input exception naming
 * the file. A mutant that breaks the contract is written to {@code target/fuzz-findings/<reader>/}
 * for adding to {@code src/test/resources/fuzz-regressions/<reader>/}, which
 * {@link FuzzRegressionTest} replays.
 */
class ReaderFuzzTest {
    static final int MUTANTS = 2000;
    static final long BUDGET_NANOS = 2_000_000_000L;
    private static final long SEED = 0x5EED17L;

    @TempDir
    Path work;

    @Test
    void everyReaderKeepsTheContractOnMutants() throws IOException {
        List<String> findings = new ArrayList<>();
        for (FuzzTargets.Target t : FuzzTargets.all(work)) {
            Path dir = Files.createDirectories(work.resolve("mutants").resolve(t.name()));
            Path file = dir.resolve(t.fileName());
            Mutator m = new Mutator(SEED ^ t.name().hashCode());
            long start = System.nanoTime();
            int count = 0;
            int found = 0;
            while (count < MUTANTS && System.nanoTime() - start < BUDGET_NANOS) {
                byte[] mutant = m.mutate(t.seeds().get(count % t.seeds().size()));
                count++;
                Files.write(file, mutant);
                String bad = run(t, file);
                if (bad != null) {
                    found++;
                    Path keep = Files.createDirectories(Path.of("target", "fuzz-findings", t.name()))
                            .resolve(count + "-" + t.fileName());
                    Files.write(keep, mutant);
                    findings.add(t.name() + " mutant " + count + " (" + keep + "): " + bad);
                }
            }
            System.out.printf("fuzz %s: %d mutants, %d ms, %d findings%n", t.name(), count,
                    (System.nanoTime() - start) / 1_000_000, found);
        }
        assertTrue(findings.isEmpty(), findings.size() + " finding(s):\n" + String.join("\n", findings));
    }

    /** Null when reading {@code file} keeps the contract. */
    static String run(FuzzTargets.Target t, Path file) {
        try {
            t.read().read(file);
            return null;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            return FuzzTargets.judge(file, e);
        }
    }
}
