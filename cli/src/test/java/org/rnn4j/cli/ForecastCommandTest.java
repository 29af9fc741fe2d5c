package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastCommandTest {
    static final Path AIR = Path.of("..", "examples", "data", "AirPassengers.csv");

    @TempDir
    Path dir;

    private static double[] airValues() throws Exception {
        return Files.readAllLines(AIR).stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[1])).toArray();
    }

    @Test
    void evalScoresBaselinesOnTheSamePointsAsJson() throws Exception {
        CliRun r = CliRun.of("forecast", "eval", "--csv", AIR.toString(), "--holdout", "12", "--json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(12, j.get("season").asInt()); // monthly stamps
        assertEquals("1960-01", j.get("first").asText());
        assertEquals(List.of("naive", "seasonal_naive"), iterable(j.get("metrics").fieldNames()));
        double[] y = airValues();
        // Seasonal naive forecasts 1960 with 1959; naive with Dec 1959.
        double snMae = 0;
        double nMae = 0;
        for (int i = 132; i < 144; i++) {
            snMae += Math.abs(y[i] - y[i - 12]) / 12;
            nMae += Math.abs(y[i] - y[131]) / 12;
        }
        double scale = 0; // in-sample seasonal-naive MAE over 1949..1959
        for (int t = 12; t < 132; t++) {
            scale += Math.abs(y[t] - y[t - 12]) / 120;
        }
        JsonNode sn = j.get("metrics").get("seasonal_naive");
        assertEquals(snMae, sn.get("mae").asDouble(), 1e-9);
        assertEquals(snMae / scale, sn.get("mase").asDouble(), 1e-9);
        assertEquals(nMae, j.get("metrics").get("naive").get("mae").asDouble(), 1e-9);
        assertTrue(sn.get("rmse").asDouble() >= snMae);
    }

    @Test
    void evalTable() {
        CliRun r = CliRun.of("forecast", "eval", "--csv", AIR.toString(), "--season", "1");
        assertEquals(0, r.exit(), r.toString());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].contains("12 points 1960-01 .. 1960-12") && lines[0].endsWith("season 1"), lines[0]);
        assertTrue(lines[1].matches("forecast\\s+RMSE\\s+MAE\\s+sMAPE%\\s+MASE"), lines[1]);
        assertTrue(lines[2].startsWith("naive "), lines[2]);
        // With season 1 the seasonal-naive forecast is the naive one.
        assertEquals(lines[2].replaceAll("^naive\\s+", ""), lines[3].replaceAll("^seasonal_naive\\s+", ""));
    }

    @Test
    void predictWritesCsvWithFutureTimesAndAPlot() throws Exception {
        Path csv = dir.resolve("out/forecast.csv");
        Path png = dir.resolve("out/forecast.png");
        CliRun r = CliRun.of("forecast", "predict", "--csv", AIR.toString(), "--baseline", "seasonal_naive", "--steps", "3",
                "--holdout", "1", "--out", csv.toString(), "--plot", png.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.out());
        assertEquals(List.of("time,forecast,actual", "1960-12,405.0,432.0", "1961-01,417.0,", "1961-02,391.0,"),
                Files.readAllLines(csv));
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, head);
        assertTrue(r.err().contains("forecasting 3 steps"), r.err());
        CliRun quiet = CliRun.of("forecast", "predict", "--csv", AIR.toString(), "--baseline", "naive", "--steps", "2", "-q");
        assertEquals(0, quiet.exit(), quiet.toString());
        assertEquals("time,forecast\n1961-01,432.0\n1961-02,432.0\n", quiet.out());
        assertEquals("", quiet.err());
    }

    @Test
    void predictJson() throws Exception {
        CliRun r = CliRun.of("forecast", "predict", "--csv", AIR.toString(), "--baseline", "naive", "--steps", "2", "--json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("1960-12", j.get("origin").asText());
        assertEquals("1961-02", j.get("forecast").get(1).get("time").asText());
        assertEquals(432.0, j.get("forecast").get(1).get("forecast").asDouble());
        assertTrue(j.get("forecast").get(1).get("actual").isNull());
    }

    @Test
    void badCsvExitsOneNamingFileLineAndColumn() throws Exception {
        Path f = dir.resolve("sales.csv");
        Files.writeString(f, "date,value\n2020-01-01,1\n2020-01-02,x\n");
        CliRun r = CliRun.of("forecast", "eval", "--csv", f.toString());
        assertEquals(1, r.exit(), r.toString());
        assertEquals("rnn4j: " + f + ":3: column 'value' (2): 'x' is not a number\n", r.err());

        Files.writeString(f, "date,value\n2020-01-01,1\n2020-01-02,\n");
        r = CliRun.of("forecast", "predict", "--csv", f.toString(), "--baseline", "naive");
        assertEquals(1, r.exit());
        assertEquals("rnn4j: " + f + ":3: column 'value' (2): missing value; fill or drop the row\n", r.err());

        Files.writeString(f, "date,value\n2020-01-01,1\n2020-01-02,2\n");
        r = CliRun.of("forecast", "eval", "--csv", f.toString(), "--column", "sales");
        assertEquals(1, r.exit());
        assertEquals("rnn4j: " + f + ": unknown target column 'sales'; the columns are 'date', 'value'\n", r.err());

        r = CliRun.of("forecast", "eval", "--csv", f.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("rnn4j: " + f + ": --holdout 12 must be between 1 and 1 for 2 rows"), r.err());
    }

    @Test
    void modelFolderThatIsNotAForecasterIsNamed() throws Exception {
        Path m = dir.resolve("m");
        org.rnn4j.io.ModelDirectory.save(m, java.util.Map.of(),
                new ObjectMapper().createObjectNode().put("task", "classify").put("architecture", "lstm"));
        CliRun r = CliRun.of("forecast", "eval", "--csv", AIR.toString(), "--model", m.toString());
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains(m.resolve("config.json") + ": not a forecasting model"), r.err());
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
