package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.kernel.Kernels;

/** {@code rnn4j bench} with tiny chunks or quick shapes only: nothing here measures anything. */
class BenchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> jsonLines(CliRun r) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.out().split("\\R")) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    @Test
    void jsonLineForOneWorkload() throws Exception {
        CliRun r = CliRun.of("bench", "--workload", "W1", "--json", "--reps", "1", "--chunk", "5", "--warmup", "2", "--quiet");
        assertEquals(0, r.exit(), r.toString());
        List<JsonNode> lines = jsonLines(r);
        assertEquals(1, lines.size(), r.out());
        JsonNode j = lines.get(0);
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("workload", "threads", "throughput", "unit", "gflops"), keys.subList(0, 5));
        assertEquals("W1", j.get("workload").asText());
        assertEquals(Kernels.threads(), j.get("threads").asInt()); // the default: all cores
        assertEquals("steps/s", j.get("unit").asText());
        double throughput = j.get("throughput").asDouble();
        assertTrue(throughput > 0, r.out());
        assertEquals(throughput * 84_672 / 1e9, j.get("gflops").asDouble(), 1e-9 * j.get("gflops").asDouble());
        assertEquals(1, j.get("reps").asInt());
        assertEquals(5, j.get("steps").asInt());
        assertEquals(2, j.get("warmup").asInt());
        assertEquals(1, j.get("chunks_per_s").size());
        assertTrue(Double.isFinite(j.get("last_value").asDouble()) && j.get("last_value").asDouble() > 0, "loss");
        assertTrue(j.get("latency_ms") == null, "W1 is not a latency workload");
        assertEquals("", r.err());
    }

    @Test
    void everyWorkloadAtQuickShapes() throws Exception {
        CliRun r = CliRun.of("bench", "--quick", "--json", "--reps", "1", "--chunk", "1", "--warmup", "0", "--quiet");
        assertEquals(0, r.exit(), r.toString());
        List<String> ids = jsonLines(r).stream().map(j -> j.get("workload").asText()).toList();
        assertEquals(List.of("W1", "W2", "W3", "W3g", "W4b1", "W4b32", "W5train", "W5sample"), ids);
        for (JsonNode j : jsonLines(r)) {
            String id = j.get("workload").asText();
            assertEquals(id.equals("W4b1") || id.equals("W5sample"), j.has("latency_ms"), id);
            assertTrue(j.get("gflops").asDouble() > 0, id);
        }
    }

    @Test
    void tableInTheOrderGiven() {
        CliRun r = CliRun.of("bench", "--workload", "w5sample,W4b1", "--quick", "--reps", "2", "--chunk", "2", "--warmup", "0");
        assertEquals(0, r.exit(), r.toString());
        String[] lines = r.out().split("\\R");
        assertEquals(4, lines.length, r.out());
        assertTrue(lines[0].startsWith("workload  threads  throughput  unit"), lines[0]);
        assertTrue(lines[1].startsWith("W5sample "), lines[1]);
        assertTrue(lines[1].contains(" tokens/s "), lines[1]);
        assertTrue(lines[2].startsWith("W4b1 "), lines[2]);
        assertTrue(lines[3].startsWith("medians of 2 chunks;"), lines[3]);
        // progress on stderr: the settings and each chunk
        assertTrue(r.err().contains("W5sample: 0 warm-up steps, then 2 chunks of 2 steps; 1 tokens per step, "
                + "2,457,600 FLOP per token"), r.err());
        assertTrue(r.err().contains("W4b1: chunk 2/2"), r.err());
        assertTrue(r.err().contains("quick shapes"), r.err());
    }

    @Test
    void threadsOptionSetsTheKernelsAndIsRestored() throws Exception {
        int before = Kernels.threads();
        CliRun r = CliRun.of("bench", "--workload", "W1", "--threads", "2", "--json", "--reps", "1", "--chunk", "2",
                "--warmup", "0", "--quiet");
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = jsonLines(r).get(0);
        assertEquals(2, j.get("threads").asInt());
        assertTrue(j.get("kernels").asText().endsWith(", 2 threads"), j.get("kernels").asText());
        assertEquals(before, Kernels.threads());
    }

    @Test
    void usageErrors() {
        CliRun r = CliRun.of("bench", "--workload", "W6");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().startsWith("rnn4j: Invalid value for option '--workload' (ID): unknown workload 'W6', expected one of "
                + "W1, W2, W3, W3g, W4b1, W4b32, W5train, W5sample"), r.err());
        assertEquals("", r.out());

        r = CliRun.of("bench", "--workload", "W1", "--reps", "0");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().startsWith("rnn4j: bench: repetitions must be >= 1, got 0"), r.err());
    }
}
