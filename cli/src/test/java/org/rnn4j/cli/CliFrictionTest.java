package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.io.SafeTensors;
import org.rnn4j.io.SafeTensorsFile;
import org.rnn4j.tensor.Tensor;

/** The new user's papercuts, one test each: permissions, eval's holdout, --json, output paths, option values, messages, gaps, ensembles. */
class CliFrictionTest {
    static final Path AIR = ForecastCommandTest.AIR;
    static final String[] TINY_FORECAST = {"--hidden", "4", "--epochs", "2", "-q"};

    @TempDir
    Path dir;

    private Path forecaster(String name, String... more) {
        Path out = dir.resolve(name);
        List<String> a = new ArrayList<>(List.of("forecast", "train", "--csv", AIR.toString(), "--out", out.toString()));
        a.addAll(List.of(TINY_FORECAST));
        a.addAll(List.of(more));
        if (!a.contains("--members")) {
            a.addAll(List.of("--members", "1"));
        }
        CliRun r = CliRun.of(a.toArray(String[]::new));
        assertEquals(0, r.exit(), r.toString());
        return out;
    }

    private Path classifier(String name, String... more) throws Exception {
        Path train = dir.resolve("train.tsv");
        if (!Files.exists(train)) {
            Files.write(train, ClassifyCommandTest.dnaRows(40, 1));
        }
        Path out = dir.resolve(name);
        List<String> a = new ArrayList<>(List.of("classify", "train", "--data", train.toString(), "--out", out.toString()));
        a.addAll(List.of(ClassifyCommandTest.TINY));
        a.addAll(List.of(more));
        if (!a.contains("--ensemble")) {
            a.addAll(List.of("--ensemble", "1"));
        }
        CliRun r = CliRun.of(a.toArray(String[]::new));
        assertEquals(0, r.exit(), r.toString());
        return out;
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /** The process umask from /proc/self/status (Linux), or -1. */
    private static int umask() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        for (String l : Files.readAllLines(status)) {
            if (l.startsWith("Umask:")) {
                return Integer.parseInt(l.substring(6).trim(), 8);
            }
        }
        return -1;
    }

    private static String perms(int mode) {
        StringBuilder sb = new StringBuilder();
        for (int shift = 6; shift >= 0; shift -= 3) {
            int b = (mode >> shift) & 7;
            sb.append((b & 4) != 0 ? 'r' : '-').append((b & 2) != 0 ? 'w' : '-').append((b & 1) != 0 ? 'x' : '-');
        }
        return sb.toString();
    }

    /** 1. A child JVM under umask 022 writes CSV and PNG as 0644, not createTempFile's 0600. */
    @Test
    void filesGetTheUmasksPermissionsUnderUmask022() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix") && Files.isExecutable(Path.of("/bin/sh")));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path csv = dir.resolve("f.csv");
        Path png = dir.resolve("f.png");
        String cmd = "umask 022; exec \"$0\" -cp \"$1\" org.rnn4j.cli.Main forecast predict --csv \"$2\" --baseline naive --out \"$3\" --plot \"$4\" -q";
        Process p = new ProcessBuilder("/bin/sh", "-c", cmd, java.toString(), System.getProperty("java.class.path"),
                AIR.toString(), csv.toString(), png.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), output);
        assertEquals("rw-r--r--", mode(csv));
        assertEquals("rw-r--r--", mode(png));
    }

    /** 1. In-process: model folder files 0666 and folders 0777 less this JVM's own umask. */
    @Test
    void modelFolderFollowsThisProcesssUmask() throws Exception {
        int umask = umask();
        assumeTrue(umask >= 0 && Files.getFileStore(dir).supportsFileAttributeView("posix"));
        Path m = forecaster("perm/model");
        assertEquals(perms(0666 & ~umask), mode(m.resolve("model.safetensors")));
        assertEquals(perms(0666 & ~umask), mode(m.resolve("config.json")));
        assertEquals(perms(0777 & ~umask), mode(m));
    }

    /** 2. A model trained without a holdout: eval warns that it scores trained-on points; with a holdout it uses it. */
    @Test
    void evalUsesTheModelsHoldoutAndWarnsOnTrainedOnPoints() throws Exception {
        Path none = forecaster("none");
        CliRun r = CliRun.of("forecast", "eval", "--model", none.toString(), "--csv", AIR.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("warning: the model was trained with holdout 0, so 12 of the 12 points scored were seen in training"),
                r.err());

        Path six = forecaster("six", "--holdout", "6");
        CliRun own = CliRun.of("forecast", "eval", "--model", six.toString(), "--csv", AIR.toString(), "--json");
        assertEquals(0, own.exit(), own.toString());
        assertEquals(6, new ObjectMapper().readTree(own.out()).get("points").asInt());
        assertTrue(own.err().contains("holdout: 6 points, the holdout the model was trained with"), own.err());
        assertFalse(own.err().contains("warning"), own.err());
        CliRun more = CliRun.of("forecast", "eval", "--model", six.toString(), "--csv", AIR.toString(), "--holdout", "12");
        assertTrue(more.err().contains("trained with holdout 6, so 6 of the 12 points"), more.err());
    }

    /** 3. Every command's --json output parses as JSON. */
    @Test
    void jsonOnEveryCommand() throws Exception {
        Path fm = forecaster("fm");
        Path cm = classifier("cm");
        Path test = dir.resolve("test.tsv");
        Files.write(test, ClassifyCommandTest.dnaRows(6, 2));
        List<String[]> runs = List.of(
                new String[] {"demo", "sine", "--iters", "5", "--hidden", "4", "--plot", dir.resolve("s.png").toString()},
                new String[] {"forecast", "train", "--csv", AIR.toString(), "--out", dir.resolve("fm2").toString(), "--members", "1",
                    "--hidden", "4", "--epochs", "1"},
                new String[] {"forecast", "eval", "--csv", AIR.toString(), "--model", fm.toString()},
                new String[] {"forecast", "predict", "--csv", AIR.toString(), "--model", fm.toString()},
                new String[] {"classify", "train", "--data", dir.resolve("train.tsv").toString(), "--out", dir.resolve("cm2").toString(),
                    "--cell", "gru", "--hidden", "4", "--epochs", "1", "--ensemble", "1"},
                new String[] {"classify", "eval", "--model", cm.toString(), "--data", test.toString()},
                new String[] {"classify", "predict", "--model", cm.toString(), "--data", test.toString()},
                new String[] {"inspect", cm.toString()});
        ObjectMapper json = new ObjectMapper();
        for (String[] a : runs) {
            List<String> args = new ArrayList<>(List.of(a));
            args.addAll(List.of("--json", "-q"));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, r.exit(), String.join(" ", a) + "\n" + r);
            JsonNode j = json.readTree(r.out());
            assertNotNull(j, String.join(" ", a));
            assertTrue(j.isObject() || j.isArray(), String.join(" ", a) + ": " + r.out());
        }
        CliRun p = CliRun.of("classify", "predict", "--model", cm.toString(), "--data", test.toString(), "--json");
        JsonNode rows = json.readTree(p.out());
        assertEquals(6, rows.size());
        assertEquals("x0", rows.get(0).get("id").asText());
        assertEquals(2, rows.get(0).get("probabilities").size());
    }

    /** 4. An output path that cannot be written stops the command before it reads or trains. */
    @Test
    void outputPathsRejectedBeforeTheWork() throws Exception {
        Path file = Files.writeString(dir.resolve("existing.txt"), "x");
        CliRun t = CliRun.of("forecast", "train", "--csv", AIR.toString(), "--out", file.toString(), "--members", "1");
        assertEquals(2, t.exit(), t.toString());
        assertTrue(t.err().contains("--out " + file + ": is a file; --out takes a folder"), t.err());
        assertFalse(t.err().contains("training"), t.err()); // nothing was started

        CliRun c = CliRun.of("classify", "train", "--data", dir.resolve("no-such.tsv").toString(), "--out", file.toString());
        assertEquals(2, c.exit(), c.toString()); // before the missing data is even looked at
        assertTrue(c.err().contains("--out " + file), c.err());

        CliRun s = CliRun.of("demo", "sine", "--plot", dir.toString(), "--iters", "5");
        assertEquals(2, s.exit(), s.toString());
        assertTrue(s.err().contains("--plot " + dir + ": is a folder"), s.err());
        assertFalse(s.err().contains(".tmp"), s.err());

        CliRun p = CliRun.of("forecast", "predict", "--csv", AIR.toString(), "--baseline", "naive", "--plot",
                file.resolve("sub.png").toString());
        assertEquals(2, p.exit(), p.toString());
        assertTrue(p.err().contains(file + " is a file, not a folder"), p.err());
    }

    /** 5. Values outside an option's range are usage errors (exit 2) naming the option. */
    @Test
    void badValuesExit2NamingTheOption() {
        String data = dir.resolve("d.tsv").toString();
        String out = dir.resolve("m").toString();
        List<String[]> bad = List.of(
                new String[] {"classify", "train", "--data", data, "--out", out, "--epochs", "-1"},
                new String[] {"classify", "train", "--data", data, "--out", out, "--hidden", "0"},
                new String[] {"classify", "train", "--data", data, "--out", out, "--lr", "-1"},
                new String[] {"classify", "train", "--data", data, "--out", out, "--lr", "Infinity"},
                new String[] {"classify", "train", "--data", data, "--out", out, "--batch-size", "0"},
                new String[] {"classify", "train", "--data", data, "--out", out, "--dropout", "1"},
                new String[] {"classify", "train", "--data", data, "--out", out, "--ensemble", "0"},
                new String[] {"classify", "train", "--data", data, "--out", out, "--validation-fraction", "0"},
                new String[] {"classify", "train", "--data", data, "--out", out, "--max-length", "0"},
                new String[] {"classify", "train", "--data", data, "--out", out, "--layers", "0"},
                new String[] {"forecast", "train", "--csv", AIR.toString(), "--out", out, "--members", "0"},
                new String[] {"forecast", "train", "--csv", AIR.toString(), "--out", out, "--season", "0"},
                new String[] {"forecast", "train", "--csv", AIR.toString(), "--out", out, "--lr", "NaN"},
                new String[] {"forecast", "train", "--csv", AIR.toString(), "--out", out, "--epochs", "-1"},
                new String[] {"forecast", "eval", "--csv", AIR.toString(), "--holdout", "0"},
                new String[] {"forecast", "predict", "--csv", AIR.toString(), "--baseline", "naive", "--steps", "0"},
                new String[] {"demo", "sine", "--hidden", "0"},
                new String[] {"demo", "sine", "--iters", "x"},
                new String[] {"inspect", out, "--threads", "0"});
        for (String[] a : bad) {
            CliRun r = CliRun.of(a);
            String option = a[a.length - 2];
            assertEquals(2, r.exit(), String.join(" ", a) + "\n" + r);
            assertTrue(r.err().contains(option), String.join(" ", a) + "\n" + r.err());
        }
    }

    /** 6. Messages that name the path and the actual problem. */
    @Test
    void messagesNameThePathAndTheProblem() throws Exception {
        Path cm = classifier("cm");
        Path fm = forecaster("fm");
        CliRun d = CliRun.of("classify", "train", "--data", dir.toString(), "--out", dir.resolve("x").toString());
        assertEquals(1, d.exit(), d.toString());
        assertTrue(d.err().contains(dir + ": is a folder; a file of examples"), d.err());

        Path config = cm.resolve("config.json");
        CliRun c = CliRun.of("classify", "eval", "--model", config.toString(), "--data", dir.resolve("train.tsv").toString());
        assertEquals(1, c.exit(), c.toString());
        assertTrue(c.err().contains(config + ": is a file; --model takes the model folder (" + cm + ")"), c.err());

        CliRun f = CliRun.of("forecast", "eval", "--model", cm.toString(), "--csv", AIR.toString());
        assertEquals(1, f.exit(), f.toString());
        assertTrue(f.err().contains(cm + ": is a classifier model folder, not a forecaster; use 'rnn4j classify"), f.err());
        CliRun g = CliRun.of("classify", "predict", "--model", fm.toString(), "--data", dir.resolve("train.tsv").toString());
        assertEquals(1, g.exit(), g.toString());
        assertTrue(g.err().contains(fm + ": is a forecaster model folder, not a classifier; use 'rnn4j forecast"), g.err());

        CliRun p = CliRun.of("forecast", "predict", "--model", fm.toString(), "--csv", AIR.toString(), "--steps", "3");
        assertTrue(p.err().contains("after 1960-12 with the recurrent model " + fm), p.err());
    }

    /** 7. A monthly CSV without one month: an error naming the missing month and the line. */
    @Test
    void missingMonthIsAnError() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(AIR));
        String removed = lines.remove(30); // 1951-06 on line 31
        Path gap = Files.write(dir.resolve("gap.csv"), lines);
        CliRun r = CliRun.of("forecast", "eval", "--csv", gap.toString());
        assertEquals(1, r.exit(), r.toString());
        String month = removed.split(",")[0];
        assertTrue(r.err().contains(gap + ":31") && r.err().contains("no row for '" + month + "'"), r.err());
    }

    /** 8. An ensemble missing a member's weights: a line in inspect, an error in eval and predict. */
    @Test
    void incompleteEnsembleSaysSo() throws Exception {
        Path fm = forecaster("fm", "--members", "2");
        Path cm = classifier("cm", "--ensemble", "2");
        for (Path m : List.of(fm, cm)) {
            Path w = m.resolve("model.safetensors");
            SafeTensorsFile f = SafeTensors.read(w);
            Map<String, Tensor> kept = new LinkedHashMap<>();
            f.stateDict().forEach((k, v) -> {
                if (!k.startsWith("members.1.")) {
                    kept.put(k, v);
                }
            });
            SafeTensors.write(w, kept, f.metadata());
            CliRun i = CliRun.of("inspect", m.toString());
            assertEquals(0, i.exit(), i.toString());
            assertTrue(i.out().contains("problem: incomplete ensemble: config.json says 2 members, model.safetensors holds the weights "
                    + "of 1 (missing: member 1)"), i.out());
        }
        CliRun e = CliRun.of("forecast", "eval", "--model", fm.toString(), "--csv", AIR.toString());
        assertEquals(1, e.exit(), e.toString());
        assertTrue(e.err().contains(fm + ": incomplete ensemble"), e.err());
        CliRun p = CliRun.of("classify", "predict", "--model", cm.toString(), "--data", dir.resolve("train.tsv").toString());
        assertEquals(1, p.exit(), p.toString());
        assertTrue(p.err().contains(cm + ": incomplete ensemble"), p.err());
    }

    /** 9. --seed only where it changes results; the confusion plot is wide enough for its title. */
    @Test
    void seedOnlyWhereItMattersAndFullPlotTitle() throws Exception {
        assertTrue(CliRun.of("classify", "train", "--help").out().contains("--seed"));
        assertTrue(CliRun.of("forecast", "train", "--help").out().contains("--seed"));
        assertTrue(CliRun.of("demo", "sine", "--help").out().contains("--seed"));
        for (String[] c : List.of(new String[] {"classify", "predict"}, new String[] {"classify", "eval"}, new String[] {"forecast", "eval"},
                new String[] {"forecast", "predict"}, new String[] {"inspect"})) {
            List<String> a = new ArrayList<>(List.of(c));
            a.add("--help");
            assertFalse(CliRun.of(a.toArray(String[]::new)).out().contains("--seed"), String.join(" ", c));
        }
        Path cm = classifier("cm");
        Path png = dir.resolve("c.png");
        CliRun r = CliRun.of("classify", "eval", "--model", cm.toString(), "--data", dir.resolve("train.tsv").toString(), "--plot",
                png.toString());
        assertEquals(0, r.exit(), r.toString());
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        java.awt.FontMetrics fm = img.createGraphics().getFontMetrics(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 16));
        String title = "train.tsv — accuracy";
        assertTrue(img.getWidth() >= 20 + fm.stringWidth(title + " 100.00 %, macro-F1 1.000") + 20, "width " + img.getWidth());
    }
}
