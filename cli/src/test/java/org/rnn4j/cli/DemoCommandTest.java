package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path dir;

    @Test
    void sineJsonHasTheFiguresAndThePlotIsAPng() throws Exception {
        Path png = dir.resolve("out/sine.png");
        CliRun r = CliRun.of("demo", "sine", "--iters", "200", "--json", "--plot", png.toString());
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = new ObjectMapper().readTree(r.out());
        for (String k : List.of("final_loss", "last_loss", "prediction_mse", "test_start")) {
            assertTrue(j.path(k).isNumber() && Double.isFinite(j.path(k).asDouble()), k + " in " + r.out());
        }
        assertTrue(j.path("final_loss").asDouble() < 0.1, r.out()); // 200 iterations already fit the windows roughly
        assertEquals(200, j.path("iterations").asInt());
        assertEquals(100, j.path("final_loss_iterations").asInt());
        assertEquals("rnn_tanh", j.path("cell").asText());
        assertEquals(16, j.path("hidden").asInt());
        assertEquals(321, j.path("parameters").asInt()); // RNN 16+256+16+16, Linear 16+1
        assertEquals(49, j.path("predictions").size());
        assertEquals(png.toAbsolutePath().normalize().toString(), j.path("plot").asText());
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(PNG_MAGIC, java.util.Arrays.copyOf(bytes, 8));
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img.getWidth() > 0 && img.getHeight() > 0);
        // stderr: the loss every 100 iterations (not a terminal) and where the plot went
        assertTrue(r.err().contains("iter 100/200  loss ") && r.err().contains("iter 200/200  loss "), r.err());
        assertTrue(r.err().contains("plot: " + png.toAbsolutePath().normalize()), r.err());

        CliRun again = CliRun.of("demo", "sine", "--iters", "200", "--json", "--plot", png.toString());
        JsonNode k = new ObjectMapper().readTree(again.out());
        assertEquals(j.path("final_loss").asDouble(), k.path("final_loss").asDouble(), "same seed, same run");
        assertEquals(j.path("prediction_mse").asDouble(), k.path("prediction_mse").asDouble());
    }

    @Test
    void threadsOptionSetsTheKernelPoolForTheCommandOnlyAndChangesNoNumber() throws Exception {
        int before = org.rnn4j.kernel.Kernels.threads();
        int other = before == 1 ? 2 : 1;
        Path png = dir.resolve("t.png");
        CliRun r = CliRun.of("demo", "sine", "--iters", "100", "--json", "--quiet", "--threads", String.valueOf(other),
                "--plot", png.toString());
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(other, j.path("threads").asInt(), r.out());
        assertEquals(before, org.rnn4j.kernel.Kernels.threads(), "restored after the command");
        CliRun d = CliRun.of("demo", "sine", "--iters", "100", "--json", "--quiet", "--plot", png.toString());
        JsonNode k = new ObjectMapper().readTree(d.out());
        assertEquals(before, k.path("threads").asInt());
        assertEquals(j.path("final_loss").asDouble(), k.path("final_loss").asDouble(), "same numbers for any thread count");
        assertEquals(j.path("prediction_mse").asDouble(), k.path("prediction_mse").asDouble());
    }

    @Test
    void otherCellsSeedAndTextOutput() throws Exception {
        Path png = dir.resolve("gru.png");
        CliRun r = CliRun.of("demo", "sine", "--cell", "gru", "--hidden", "8", "--iters", "120", "--seed", "3",
                "--test-start", "3", "--quiet", "--plot", png.toString());
        assertEquals(0, r.exit(), r.toString());
        // GRU: 3·8 + 3·8·8 + 2·3·8 = 264, Linear 8 + 1
        assertTrue(r.out().startsWith("sine demo: GRU(1, 8, batch_first=True) + Linear(8, 1), 273 parameters"), r.out());
        assertTrue(r.out().contains("final training loss ") && r.out().contains("mean of the last 100 iterations"), r.out());
        assertTrue(r.out().contains("prediction MSE ") && r.out().contains("from sin(3.000)"), r.out());
        assertEquals("", r.err(), "--quiet: nothing on stderr");
        assertTrue(Files.size(png) > 0);

        CliRun lstm = CliRun.of("demo", "sine", "--cell", "LSTM", "--iters", "50", "--json", "--quiet", "--plot",
                dir.resolve("lstm.png").toString());
        assertEquals(0, lstm.exit(), lstm.toString());
        assertEquals("lstm", new ObjectMapper().readTree(lstm.out()).path("cell").asText());
        assertEquals(50, new ObjectMapper().readTree(lstm.out()).path("final_loss_iterations").asInt());
    }

    @Test
    void usageErrorsExitTwo() {
        CliRun r = CliRun.of("demo", "sine", "--cell", "transformer", "--plot", dir.resolve("x.png").toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--cell") && r.err().contains("transformer"), r.err());
        assertTrue(r.err().contains("Try 'rnn4j demo sine --help'"), r.err());
        assertFalse(Files.exists(dir.resolve("x.png")));
        assertEquals(2, CliRun.of("demo", "sine", "--iters", "0").exit());
        assertEquals(2, CliRun.of("demo", "sine", "--lr", "-1").exit());
        assertEquals(2, CliRun.of("demo").exit());
    }

    @Test
    void helpAndVersion() {
        for (String[] cmd : List.of(new String[] {"demo"}, new String[] {"demo", "sine"})) {
            String[] help = java.util.Arrays.copyOf(cmd, cmd.length + 1);
            help[cmd.length] = "--help";
            CliRun h = CliRun.of(help);
            assertEquals(0, h.exit(), h.toString());
            assertTrue(h.out().startsWith("Usage: rnn4j " + String.join(" ", cmd)), h.out());
            String[] version = help.clone();
            version[cmd.length] = "--version";
            assertTrue(CliRun.of(version).out().startsWith("rnn4j "));
        }
        String help = CliRun.of("demo", "sine", "--help").out();
        for (String opt : List.of("--cell", "--hidden", "--iters", "--lr", "--plot", "--json", "--seed", "--quiet",
                "--verbose", "--threads", "--test-start", "Fresh means")) {
            assertTrue(help.contains(opt), opt + " missing from:\n" + help);
        }
    }
}
