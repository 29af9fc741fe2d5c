package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code forecast train → eval → predict} in-process, on a small synthetic monthly CSV with a tiny recipe. */
class ForecastTrainCommandTest {
    /** Tiny and fast: invariants, not accuracy. */
    static final String[] TINY = {"--members", "1", "--hidden", "8", "--epochs", "3"};

    @TempDir
    Path dir;

    Path csv;

    @BeforeEach
    void writeSeries() throws Exception {
        StringBuilder sb = new StringBuilder("date,sales,price\n");
        YearMonth m = YearMonth.of(2000, 1);
        for (int t = 0; t < 96; t++) {
            double v = 100 + t + 20 * Math.sin(2 * Math.PI * t / 12) + 3 * Math.cos(1.7 * t);
            sb.append(m.plusMonths(t)).append(',').append(String.format(Locale.ROOT, "%.3f", v)).append(',').append(t % 7).append('\n');
        }
        csv = dir.resolve("sales.csv");
        Files.writeString(csv, sb);
    }

    @Test
    void combineOffForecastsWithTheNetworkAlone() throws Exception {
        Path model = dir.resolve("alone");
        CliRun t = CliRun.of(train("--csv", csv.toString(), "--column", "sales", "--holdout", "12", "--season", "12",
                "--combine", "off", "--out", model.toString()));
        assertEquals(0, t.exit(), t.toString());
        assertTrue(t.out().contains("\nforecast: the network ensemble alone\n"), t.out());
        JsonNode c = new ObjectMapper().readTree(model.resolve("config.json").toFile());
        assertEquals(1.0, c.at("/combination/network").asDouble());
        CliRun bad = CliRun.of(train("--csv", csv.toString(), "--column", "sales", "--combine", "half", "--out", model.toString()));
        assertEquals(2, bad.exit(), bad.toString());
        assertTrue(bad.err().contains("--combine"), bad.err());
    }

    /** {@code forecast train} with the tiny recipe and {@code more}. */
    private static String[] train(String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("forecast", "train"));
        a.addAll(List.of(TINY));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void trainEvalPredictAsWrittenInTheIssue() throws Exception {
        Path model = dir.resolve("model");
        CliRun t = CliRun.of(train("--csv", csv.toString(), "--column", "sales", "--holdout", "12",
                "--season", "12", "--out", model.toString()));
        assertEquals(0, t.exit(), t.toString());
        assertTrue(t.out().startsWith("model: " + model), t.out());
        assertTrue(t.out().contains("\nforecast: 0.5 × network + 0.25 × theta + 0.25 × seasonal naive\n"), t.out());
        assertTrue(t.out().contains("seasonal_naive"), t.out());
        assertTrue(t.err().startsWith("training on " + csv + ", column 'sales': 96 rows, holdout 12, season 12"), t.err());
        assertTrue(t.err().contains("member 1/1: 3 epochs"), t.err());
        assertTrue(Files.isRegularFile(model.resolve("model.safetensors")) && Files.isRegularFile(model.resolve("config.json")));

        // eval picks the model's own column ('sales') without --column.
        CliRun e = CliRun.of("forecast", "eval", "--model", model.toString(), "--csv", csv.toString(), "--holdout", "12",
                "--season", "12", "--json");
        assertEquals(0, e.exit(), e.toString());
        JsonNode j = new ObjectMapper().readTree(e.out());
        assertEquals(List.of("model", "naive", "seasonal_naive"), names(j.get("metrics")));
        for (String k : List.of("rmse", "mae", "smape", "mase")) {
            assertTrue(j.get("metrics").get("model").get(k).isNumber(), k);
        }
        CliRun table = CliRun.of("forecast", "eval", "--model", model.toString(), "--csv", csv.toString(), "--holdout", "12",
                "--season", "12");
        assertEquals(0, table.exit(), table.toString());
        String[] lines = table.out().split("\n");
        assertTrue(lines[1].matches("forecast\\s+RMSE\\s+MAE\\s+sMAPE%\\s+MASE") && lines[2].startsWith("model "), table.out());

        // predict further than the trained horizon (12): the roll-out continues; CSV + plot.
        Path out = dir.resolve("fc.csv");
        Path png = dir.resolve("fc.png");
        CliRun p = CliRun.of("forecast", "predict", "--model", model.toString(), "--csv", csv.toString(), "--steps", "30",
                "--plot", png.toString(), "--out", out.toString());
        assertEquals(0, p.exit(), p.toString());
        List<String> rows = Files.readAllLines(out);
        assertEquals(31, rows.size());
        assertEquals("date,forecast", rows.get(0));
        assertTrue(rows.get(1).startsWith("2008-01,") && rows.get(30).startsWith("2010-06,"), rows.toString());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(Files.readAllBytes(png), 4));

        // inspect lists the ensemble's PyTorch names.
        CliRun i = CliRun.of("inspect", model.toString());
        assertEquals(0, i.exit(), i.toString());
        assertTrue(i.out().contains("members.0.rnn.weight_ih_l0") && i.out().contains("members.0.head.bias"), i.out());

        // The same seed gives the same model, byte for byte.
        Path again = dir.resolve("again");
        CliRun t2 = CliRun.of(train("--csv", csv.toString(), "--column", "sales", "--holdout", "12",
                "--season", "12", "--out", again.toString(), "-q"));
        assertEquals(0, t2.exit(), t2.toString());
        assertEquals("", t2.err());
        assertArrayEquals(Files.readAllBytes(model.resolve("model.safetensors")), Files.readAllBytes(again.resolve("model.safetensors")));
    }

    @Test
    void covariatesThroughTrainEvalPredictAndInspect() throws Exception {
        Path model = dir.resolve("cov");
        CliRun t = CliRun.of(train("--csv", csv.toString(), "--column", "sales", "--covariates", "price", "--holdout", "12",
                "--horizon", "6", "--out", model.toString()));
        assertEquals(0, t.exit(), t.toString());
        assertTrue(t.err().startsWith("training on " + csv + ", column 'sales' with covariates 'price': 96 rows"), t.err());
        assertTrue(!t.err().contains("warning: covariate"), t.err());
        JsonNode config = new ObjectMapper().readTree(model.resolve("config.json").toFile());
        assertEquals(2, config.at("/architecture/input_size").asInt());
        assertEquals("price", config.at("/columns/covariates/0").asText());

        // eval reads the model's covariate without --covariates; 12 steps from a horizon of 6 roll out, and it says so.
        CliRun e = CliRun.of("forecast", "eval", "--model", model.toString(), "--csv", csv.toString(), "--holdout", "12");
        assertEquals(0, e.exit(), e.toString());
        assertEquals("rnn4j: note: steps 7..12 roll out past the model's horizon of 6 with covariate 'price' held at its last known "
                + "value (the point before each forecast origin); later values are not known to the model\n", e.err());
        assertTrue(e.out().contains("\nmodel "), e.out());
        CliRun one = CliRun.of("forecast", "eval", "--model", model.toString(), "--csv", csv.toString(), "--holdout", "12",
                "--horizon", "6", "--json");
        assertEquals(0, one.exit(), one.toString());
        assertEquals("", one.err()); // one block at a time: nothing assumed

        CliRun p = CliRun.of("forecast", "predict", "--model", model.toString(), "--csv", csv.toString(), "--steps", "10");
        assertEquals(0, p.exit(), p.toString());
        assertTrue(p.err().contains("rnn4j: note: steps 7..10 roll out past the model's horizon of 6 with covariate 'price' held at "
                + "its last known value (2007-12)"), p.err());
        assertEquals(11, p.out().split("\n").length);
        CliRun six = CliRun.of("forecast", "predict", "--model", model.toString(), "--csv", csv.toString(), "--steps", "6", "-q");
        assertEquals(0, six.exit(), six.toString());
        assertEquals("", six.err());

        // A file without the covariate column: exit 1, naming the file and the column.
        Path plain = dir.resolve("plain.csv");
        Files.write(plain, Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList());
        for (String cmd : List.of("eval", "predict")) {
            CliRun r = CliRun.of("forecast", cmd, "--model", model.toString(), "--csv", plain.toString());
            assertEquals(1, r.exit(), r.toString());
            assertEquals("rnn4j: " + plain + ": no column 'price', a covariate the model was trained with; the columns are "
                    + "'date', 'sales'\n", r.err());
        }

        CliRun i = CliRun.of("inspect", model.toString());
        assertEquals(0, i.exit(), i.toString());
        assertTrue(i.out().endsWith("input size 2: the target and covariate 'price'\n"), i.out());
        CliRun ij = CliRun.of("inspect", model.toString(), "--json");
        JsonNode j = new ObjectMapper().readTree(ij.out());
        assertEquals(2, j.get("inputSize").asInt());
        assertEquals("price", j.get("covariates").get(0).asText());
    }

    /**
     * eval and predict read a model's own time column (not the default rule's pick) and refuse covariates the model was not
     * trained with instead of reading and ignoring them.
     */
    @Test
    void evalAndPredictFollowTheModelsColumns() throws Exception {
        // 'month' is the time column; a 'date' column (the default rule's first choice) holds other, shifted stamps.
        Path f = dir.resolve("two_times.csv");
        List<String> lines = Files.readAllLines(csv);
        List<String> out = new java.util.ArrayList<>(List.of("date,month,sales"));
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",");
            out.add(YearMonth.parse(c[0]).plusMonths(5) + "," + c[0] + "," + c[1]);
        }
        Files.write(f, out);
        Path model = dir.resolve("timed");
        CliRun t = CliRun.of(train("--csv", f.toString(), "--time-column", "month", "--column", "sales", "--holdout", "12",
                "--out", model.toString(), "-q"));
        assertEquals(0, t.exit(), t.toString());
        CliRun own = CliRun.of("forecast", "predict", "--model", model.toString(), "--csv", f.toString(), "--steps", "2", "-q");
        CliRun told = CliRun.of("forecast", "predict", "--model", model.toString(), "--csv", f.toString(), "--steps", "2", "-q",
                "--time-column", "month");
        assertEquals(0, own.exit(), own.toString());
        assertEquals(told.out(), own.out(), "without --time-column, predict must use the model's own time column");
        assertTrue(own.out().contains("\n2008-01,"), own.out());

        for (String cmd : List.of("eval", "predict")) {
            CliRun r = CliRun.of("forecast", cmd, "--model", model.toString(), "--csv", csv.toString(), "--covariates", "price");
            assertEquals(1, r.exit(), r.toString());
            assertEquals("rnn4j: --covariates: the model reads no covariates, not 'price' (a model's inputs are fixed when it is "
                    + "trained)\n", r.err());
        }
    }

    @Test
    void aConstantCovariateIsReported() throws Exception {
        Path f = dir.resolve("const.csv");
        Files.write(f, Files.readAllLines(csv).stream().map(l -> l.startsWith("date") ? l + ",law" : l + ",0").toList());
        CliRun t = CliRun.of(train("--csv", f.toString(), "--column", "sales", "--covariates", "law", "--holdout", "12",
                "--out", dir.resolve("m").toString(), "-q"));
        assertEquals(0, t.exit(), t.toString());
        assertEquals("rnn4j: warning: covariate 'law' is constant (0.000) in the first 84 rows, on which the model was fitted, "
                + "so the model ignores it\n", t.err());
    }

    @Test
    void trainJsonReportsTheSplitAndRecipe() throws Exception {
        CliRun t = CliRun.of(train("--csv", csv.toString(), "--column", "sales", "--holdout", "12",
                "--out", dir.resolve("m").toString(), "--json", "--cell", "gru", "--window", "18", "--horizon", "6"));
        assertEquals(0, t.exit(), t.toString());
        JsonNode j = new ObjectMapper().readTree(t.out());
        assertEquals(96, j.get("rows").asInt());
        assertEquals(12, j.at("/training/holdoutRows").asInt());
        assertEquals("gru", j.at("/recipe/settings/cell").asText());
        assertEquals(18, j.at("/recipe/settings/window").asInt());
        assertEquals(6, j.at("/recipe/settings/horizon").asInt());
        assertEquals(12, j.at("/recipe/settings/season").asInt()); // from the monthly time stamps
    }

    @Test
    void badCsvExitsOneNamingFileLineAndColumn() throws Exception {
        Path out = dir.resolve("m");
        Path f = dir.resolve("bad.csv");
        String good = Files.readString(csv);

        Files.writeString(f, good.replace("\n2003-05,", "\n2003-05,abc").replaceFirst("(\n2003-05,abc)[0-9.]+", "$1"));
        CliRun r = CliRun.of(train("--csv", f.toString(), "--column", "sales", "--out", out.toString()));
        assertEquals(1, r.exit(), r.toString());
        assertEquals("rnn4j: " + f + ":42: column 'sales' (2): 'abc' is not a number\n", r.err());

        Files.writeString(f, good.replaceFirst("\n(2001-02),[0-9.]+,", "\n$1,,"));
        r = CliRun.of(train("--csv", f.toString(), "--column", "sales", "--out", out.toString()));
        assertEquals(1, r.exit(), r.toString());
        assertEquals("rnn4j: " + f + ":15: column 'sales' (2): missing value; fill or drop the row\n", r.err());

        r = CliRun.of(train("--csv", csv.toString(), "--column", "revenue", "--out", out.toString()));
        assertEquals(1, r.exit(), r.toString());
        assertEquals("rnn4j: " + csv + ": unknown target column 'revenue'; the columns are 'date', 'sales', 'price'\n", r.err());

        // Two numeric columns and none named 'value': the target must be named.
        r = CliRun.of(train("--csv", csv.toString(), "--out", out.toString()));
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().startsWith("rnn4j: " + csv + ": cannot choose the target column"), r.err());

        List<String> lines = Files.readAllLines(csv);
        Files.write(f, lines.subList(0, 31)); // 30 rows
        r = CliRun.of(train("--csv", f.toString(), "--column", "sales", "--holdout", "12", "--out",
                out.toString()));
        assertEquals(1, r.exit(), r.toString());
        String[] err = r.err().split("\n");
        assertTrue(err[err.length - 1].startsWith("rnn4j: " + f + ": column 'sales': 30 rows (lines 2..31) are too few: holdout 12 "
                + "and validation 12 leave 6 training rows, and window 24 + horizon 12 need at least 43"), r.err());
        assertTrue(!r.err().contains("Exception") && !r.err().contains("bug"), r.err());

        // An explicit window that does not fit is named too.
        r = CliRun.of(train("--csv", csv.toString(), "--column", "sales", "--window", "80", "--out",
                out.toString()));
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("window 80 + horizon 12 need at least"), r.err());
        assertTrue(!Files.exists(out), "nothing is written when training fails");
    }

    @Test
    void brokenModelFolderExitsOne() throws Exception {
        Path model = dir.resolve("model");
        assertEquals(0, CliRun.of(train("--csv", csv.toString(), "--column", "sales", "--out",
                model.toString(), "-q")).exit());
        Path w = model.resolve("model.safetensors");
        byte[] b = Files.readAllBytes(w);
        Files.write(w, java.util.Arrays.copyOf(b, b.length / 2));
        CliRun r = CliRun.of("forecast", "predict", "--model", model.toString(), "--csv", csv.toString(), "--steps", "3");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().startsWith("rnn4j: " + w + ": "), r.err());
        Files.delete(w);
        r = CliRun.of("forecast", "eval", "--model", model.toString(), "--csv", csv.toString());
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().startsWith("rnn4j: " + model + ": "), r.err());
        assertTrue(r.err().contains("model.safetensors"), r.err());
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
