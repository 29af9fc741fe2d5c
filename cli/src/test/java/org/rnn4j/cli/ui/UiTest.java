package org.rnn4j.cli.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiTest {
    @TempDir
    Path dir;

    @Test
    void progressBarDrawsOnTheTerminalStreamOnly() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBars bars = new ProgressBars(Optional.of(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        assertTrue(bars.enabled());
        try (Progress p = bars.start("train", 10)) {
            p.stepTo(10);
            p.status("loss 0.0123");
        }
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(drawn.contains("train") && drawn.contains("10/10") && drawn.contains("loss 0.0123"), drawn);

        ProgressBars off = new ProgressBars(Optional.empty());
        assertFalse(off.enabled());
        try (Progress p = off.start("train", 10)) {
            p.stepTo(5); // no-op, nothing to check but that it does not fail
        }
    }

    @Test
    void linePlotsArePngFilesOfTheChartSize() throws Exception {
        Path png = dir.resolve("plots/sine.png");
        double[] x = new double[50];
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            x[i] = i;
            y[i] = Math.sin(i / 5.0);
        }
        Plots.lines(png, "sine", "t", "y", List.of(
                Plots.Line.numeric("target", x, y, Plots.Stroke.SOLID),
                Plots.Line.numeric("prediction", x, y, Plots.Stroke.DASHED)));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1000, img.getWidth());
        assertEquals(500, img.getHeight());

        Path timed = dir.resolve("timed.png");
        Plots.lines(timed, "t", "time", "v", List.of(Plots.Line.timed("a",
                List.of(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-02-01T00:00:00Z")), new double[] {1, 2},
                Plots.Stroke.SOLID)));
        assertEquals(1000, ImageIO.read(timed.toFile()).getWidth());

        assertThrows(IllegalArgumentException.class, () -> Plots.Line.numeric("bad", new double[2], new double[3], Plots.Stroke.SOLID));
        assertThrows(IllegalArgumentException.class, () -> Plots.lines(png, "t", "x", "y", List.of()));
    }
}
