package org.rnn4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SineWindowsTest {

    @Test
    void linspaceIsNumpys() {
        double[] t = SineWindows.times(1, 10, 50);
        assertEquals(50, t.length);
        assertEquals(1.0, t[0]);
        assertEquals(11.0, t[49]); // the end point is set exactly
        assertEquals(1 + 10.0 / 49, t[1]);
        assertEquals(25 * (10.0 / 49) + 1, t[25]);
        assertThrows(IllegalArgumentException.class, () -> SineWindows.times(0, 1, 1));
    }

    /** The windows NumPy computed for the PyTorch sine run (float64 sin, then float32) match bit for bit. */
    @Test
    void windowsMatchTheRecordedNumpyWindows() throws Exception {
        JsonNode inputs = new ObjectMapper().readTree(Path.of("..", "testdata", "golden", "e2e_sine_rnn.json").toFile())
                .path("inputs");
        JsonNode windows = inputs.path("windows");
        int rows = windows.path("shape").get(0).asInt();
        int points = windows.path("shape").get(1).asInt();
        for (int s = 0; s < rows; s++) {
            float[] expected = new float[points];
            for (int i = 0; i < points; i++) {
                expected[i] = Float.parseFloat(windows.path("data").get(s * points + i).asText());
            }
            assertArrayEquals(expected, SineWindows.window(s, SineWindows.SPAN, points), "window " + s);
        }
        JsonNode test = inputs.path("test_window").path("data");
        float[] expected = new float[test.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = Float.parseFloat(test.get(i).asText());
        }
        assertArrayEquals(expected, SineWindows.window(inputs.path("test_start").asDouble()));
    }
}
