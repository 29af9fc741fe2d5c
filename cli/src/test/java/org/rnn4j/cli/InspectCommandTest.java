package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.io.ModelDirectory;
import org.rnn4j.io.SafeTensors;
import org.rnn4j.tensor.Tensor;

class InspectCommandTest {
    @TempDir
    Path dir;

    private Path model() throws Exception {
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put("rnn.weight_ih_l0", Tensor.zeros(16, 1));
        state.put("rnn.weight_hh_l0", Tensor.zeros(16, 16));
        state.put("rnn.bias_ih_l0", Tensor.zeros(16));
        state.put("rnn.bias_hh_l0", Tensor.zeros(16));
        state.put("fc.weight", Tensor.zeros(1, 16));
        state.put("fc.bias", Tensor.zeros(1));
        Path m = dir.resolve("sine");
        ModelDirectory.save(m, state, new ObjectMapper().createObjectNode().put("architecture", "rnn"));
        return m;
    }

    @Test
    void listsNamesShapesAndCounts() throws Exception {
        Path m = model();
        CliRun r = CliRun.of("inspect", m.toString());
        assertEquals(0, r.exit(), r.toString());
        String expected = String.join("\n",
                "name              dtype  shape     count",
                "rnn.weight_ih_l0  F32    [16, 1]      16",
                "rnn.weight_hh_l0  F32    [16, 16]    256",
                "rnn.bias_ih_l0    F32    [16]         16",
                "rnn.bias_hh_l0    F32    [16]         16",
                "fc.weight         F32    [1, 16]      16",
                "fc.bias           F32    [1]           1",
                "6 tensors, 321 parameters", "");
        assertEquals(expected, r.out().replace("\r\n", "\n"));
        assertEquals("", r.err());
        // The weights file itself works too.
        CliRun f = CliRun.of("inspect", m.resolve("model.safetensors").toString());
        assertEquals(r.out(), f.out());
    }

    @Test
    void jsonListing() throws Exception {
        CliRun r = CliRun.of("inspect", model().toString(), "--json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(321, j.get("totalParameters").asLong());
        assertEquals("rnn.weight_hh_l0", j.get("tensors").get(1).get("name").asText());
        assertEquals("[16,16]", j.get("tensors").get(1).get("shape").toString());
        assertEquals(256, j.get("tensors").get(1).get("count").asLong());
        assertEquals("pt", j.get("metadata").get("format").asText());
    }

    @Test
    void runtimeErrorsAreOneLineWithExitOne() throws Exception {
        Path missing = dir.resolve("nope");
        CliRun r = CliRun.of("inspect", missing.toString());
        assertEquals(1, r.exit(), r.toString());
        assertEquals("rnn4j: " + missing + ": no such file or folder\n", r.err());
        assertEquals("", r.out());

        Path empty = Files.createDirectories(dir.resolve("empty"));
        r = CliRun.of("inspect", empty.toString());
        assertEquals(1, r.exit());
        assertEquals("rnn4j: " + empty + ": model folder has no model.safetensors\n", r.err());

        Path bad = dir.resolve("bad.safetensors");
        Files.write(bad, new byte[] {8, 0, 0, 0, 0, 0, 0, 0, '{', '"', 'a', '"', ':', '1', '}', ' '});
        r = CliRun.of("inspect", bad.toString());
        assertEquals(1, r.exit(), r.toString());
        assertEquals("rnn4j: " + bad + ": not a valid safetensors file: tensor 'a': entry is not an object\n", r.err());

        // Stack traces only with --verbose.
        r = CliRun.of("inspect", bad.toString(), "--verbose");
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("rnn4j: " + bad + ": not a valid"), r.err());
        assertTrue(r.err().contains("\tat org.rnn4j.io.SafeTensors"), r.err());
    }

    @Test
    void emptyWeightsFile() throws Exception {
        Path f = dir.resolve("none.safetensors");
        SafeTensors.write(f, Map.of());
        CliRun r = CliRun.of("inspect", f.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().endsWith("0 tensors, 0 parameters\n"), r.out());
    }
}
