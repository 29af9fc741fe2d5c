package org.rnn4j.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.data.InputFormatException;
import org.rnn4j.data.seq.LabelsFile;
import org.rnn4j.data.series.Series;
import org.rnn4j.data.series.SeriesCsv;
import org.rnn4j.data.text.Vocabulary;
import org.rnn4j.io.FileFormatException;
import org.rnn4j.io.SafeTensors;
import org.rnn4j.io.embeddings.EmbeddingsFormat;
import org.rnn4j.io.embeddings.EmbeddingsOptions;
import org.rnn4j.io.embeddings.EmbeddingsReader;

/** One test per hostile-file finding of the readers: each is refused with the file named, or read correctly. */
class IssueFindingsTest {
    @TempDir
    static Path work;
    private static Map<String, FuzzTargets.Target> targets;

    @BeforeAll
    static void seeds() throws IOException {
        targets = FuzzTargets.all(work).stream().collect(Collectors.toMap(FuzzTargets.Target::name, t -> t));
    }

    /** Writes the seed of {@code reader} with {@code from} replaced by {@code to} and reads it; returns the failure. */
    private Exception replaced(String reader, String from, String to) throws IOException {
        FuzzTargets.Target t = targets.get(reader);
        String seed = t.seeds().stream().map(b -> new String(b, StandardCharsets.UTF_8)).filter(x -> x.contains(from))
                .findFirst().orElse("");
        assertTrue(seed.contains(from), from);
        Path file = Files.createDirectories(work.resolve("case" + System.nanoTime())).resolve(t.fileName());
        Files.writeString(file, seed.replace(from, to));
        Exception e = assertThrows(Exception.class, () -> t.read().read(file));
        assertEquals(null, FuzzTargets.judge(file, e));
        return e;
    }

    @Test
    void classifierConfigSizesAreCheckedBeforeAllocating() throws IOException {
        for (String h : List.of("20000", "12000", "30000")) {
            Exception e = replaced("classifier-config", "\"hidden_size\" : 5", "\"hidden_size\" : " + h);
            assertTrue(e.getMessage().contains("parameters"), e.getMessage());
        }
        assertTrue(replaced("classifier-config", "\"num_layers\" : 1", "\"num_layers\" : 1000000").getMessage()
                .contains("parameters"));
        assertTrue(replaced("classifier-config", "\"ensemble_size\" : 1", "\"ensemble_size\" : 100000000").getMessage()
                .contains("parameters"));
        assertTrue(replaced("classifier-config", "\"format_version\" : 1", "\"format_version\" : 999").getMessage()
                .contains("format_version 999 is not supported"));
    }

    @Test
    void forecasterConfigFieldsAreChecked() throws IOException {
        assertTrue(replaced("forecaster-config", "\"hidden_size\" : 4", "\"hidden_size\" : 20000").getMessage()
                .contains("parameters"));
        String seed = new String(targets.get("forecaster-config").seeds().get(0), StandardCharsets.UTF_8);
        assertTrue(replaced("forecaster-config", "\"members\" : 2", "\"members\" : 100000000").getMessage()
                .contains("parameters"));
        assertTrue(replaced("forecaster-config", "\"level_span\" : ", "\"level_span\" : 100000").getMessage()
                .contains("level_span"));
        String anchor = seed.substring(seed.indexOf("\"anchor_time\""), seed.indexOf(',', seed.indexOf("\"anchor_time\"")));
        assertTrue(replaced("forecaster-config", anchor, "\"anchor_time\" : \"20x0-1\"").getMessage().contains("anchor_time"));
        for (String object : List.of("\"preprocessing\" : ", "\"training\" : ")) {
            Exception e = replaced("forecaster-config", object, "\"gone\" : 0, \"x" + object.substring(1));
            assertTrue(e.getMessage().contains("invalid forecasting model config"), e.getMessage());
        }
        assertTrue(replaced("forecaster-config", "\"scaling\" : ", "\"scaling\" : null, \"x\" : ").getMessage()
                .contains("config.json"));
    }

    @Test
    void safetensorsRefusesBytesAfterTheHeaderAndInvalidNames() throws IOException {
        byte[] good = targets.get("safetensors").seeds().get(0);
        int n = (int) java.nio.ByteBuffer.wrap(good, 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        String header = new String(good, 8, n, StandardCharsets.UTF_8).stripTrailing();
        for (String tail : List.of("xx", "\u0000\u0000", "{}")) {
            assertTrue(safetensors(good, n, header + tail).getMessage().contains("safetensors"));
        }
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        int at = header.indexOf("a.bias") + 1;
        h[at] = (byte) 0xFF;
        assertTrue(safetensors(good, n, h).getMessage().contains("UTF-8"));
    }

    private Exception safetensors(byte[] good, int n, String header) throws IOException {
        return safetensors(good, n, header.getBytes(StandardCharsets.UTF_8));
    }

    private Exception safetensors(byte[] good, int n, byte[] h) throws IOException {
        byte[] padded = java.util.Arrays.copyOf(h, n);
        java.util.Arrays.fill(padded, Math.min(h.length, n), n, (byte) ' ');
        byte[] f = good.clone();
        System.arraycopy(padded, 0, f, 8, n);
        Path p = work.resolve("bad" + System.nanoTime() + ".safetensors");
        Files.write(p, f);
        FileFormatException e = assertThrows(FileFormatException.class, () -> SafeTensors.read(p));
        assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
        return e;
    }

    @Test
    void seriesValuesPastFloatRangeNameFileLineAndColumn() throws IOException {
        for (String v : List.of("1e400", "-1e400", "3.5e38")) {
            Exception e = replaced("series-csv", ",2.25,", "," + v + ",");
            assertTrue(e.getMessage().contains(":3: column 'value' (2): '" + v + "' is outside the float range"), e.getMessage());
        }
    }

    @Test
    void longCellsAreScannedInLinearTimeAndQuotedShort() throws IOException {
        String digits = "1".repeat(50_000) + "x";
        Exception e = replaced("series-csv", ",2.25,", "," + digits + ",");
        assertTrue(e.getMessage().contains("…' (50001 characters) is not a number"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, e.getMessage());
    }

    @Test
    void timeStampsThatCannotBeContinuedAreNotTimes() throws IOException {
        Path f = work.resolve("years.csv");
        Files.writeString(f, "month,value\n+999999998-11,1\n+999999998-12,2\n+999999999-01,3\n+999999999-12,4\n");
        Series s = SeriesCsv.read(f); // read as labels, so continuing them cannot leave the calendar
        assertEquals(List.of("+1", "+2"), s.time().extend(2));
        Files.writeString(f, "t,value\n1,1\n2,2\n1e9999999,3\n");
        InputFormatException e = assertThrows(InputFormatException.class, () -> SeriesCsv.read(f));
        assertTrue(e.getMessage().contains("is not a time like"), e.getMessage());
        Files.writeString(f, "t,value\n1e9999999,1\n2e9999999,2\n");
        assertEquals(List.of("+1"), SeriesCsv.read(f).time().extend(1));
    }

    @Test
    void labelsFileWithLongWhitespaceRunsIsSplitInLinearTime() throws IOException {
        Path f = work.resolve("labels.tsv");
        Files.writeString(f, "a" + " ".repeat(150_000) + "x\tpos\nb\t\tneg\nc d e\n");
        InputFormatException e = assertThrows(InputFormatException.class, () -> LabelsFile.read(f));
        assertTrue(e.getMessage().startsWith(f + ":3"), e.getMessage());
        Files.writeString(f, "a" + " ".repeat(150_000) + "\tpos\nb \t \tneg\n");
        assertEquals(Map.of("a", "pos", "b", "neg"), LabelsFile.read(f));
    }

    @Test
    void gloveDimensionIsLimitedBeforeAllocating() throws IOException {
        Path f = work.resolve("wide.txt");
        StringBuilder b = new StringBuilder("the");
        for (int i = 0; i < 300_000; i++) {
            b.append(" 0.1");
        }
        Files.writeString(f, b.append('\n'));
        Vocabulary v = Vocabulary.of(List.of("the", "cat"));
        InputFormatException e = assertThrows(InputFormatException.class, () -> EmbeddingsReader.load(f, v, EmbeddingsOptions.DEFAULTS));
        assertTrue(e.getMessage().startsWith(f + ":1: the first line has 300000 values"), e.getMessage());
    }

    @Test
    void word2vecTextWithCarriageReturnLineEndsIsDetected() throws IOException {
        Path f = work.resolve("cr.txt");
        Files.writeString(f, "2 3\rthe 0.1 0.2 0.3\rcat 1 2 3\r");
        var p = EmbeddingsReader.load(f, Vocabulary.of(List.of("the", "cat")), EmbeddingsOptions.DEFAULTS);
        assertEquals(EmbeddingsFormat.WORD2VEC_TEXT, p.report().format());
        assertEquals(3, p.report().dimension());
    }
}
