package org.rnn4j.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.classify.ClassifierFiles;
import org.rnn4j.classify.ClassifierModel;
import org.rnn4j.classify.Prediction;
import org.rnn4j.data.series.SeriesCsv;
import org.rnn4j.forecast.ForecastModelFiles;
import org.rnn4j.forecast.ForecastSettings;
import org.rnn4j.forecast.ForecastTrainer;
import org.rnn4j.forecast.RecurrentForecaster;
import org.rnn4j.io.FileFormatException;
import org.rnn4j.io.ModelDirectory;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.nn.recurrent.RecurrentLayer;
import org.rnn4j.nn.recurrent.RecurrentOptions;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.train.SequenceRegressor;
import org.rnn4j.train.TrainingListener;

/** ONNX files back into model folders: rnn4j's own exports round-trip exactly; what cannot be mapped is named. */
class OnnxImportTest {
    @TempDir
    Path dir;

    static void assertSameTensors(Map<String, Tensor> want, Map<String, Tensor> got) {
        assertEquals(want.keySet(), got.keySet());
        want.forEach((k, v) -> {
            assertEquals(v.shape(), got.get(k).shape(), k);
            assertArrayEquals(v.data(), got.get(k).data(), k); // bitwise: only copies and reorders
        });
    }

    @Test
    void classifierFoldersRoundTripToTheSameNumbers() throws Exception {
        int i = 0;
        for (ClassifierModel m : OnnxExportTest.classifiers()) {
            Path src = dir.resolve("src" + i);
            Path back = dir.resolve("back" + i);
            Path file = dir.resolve("m" + i++ + ".onnx");
            ClassifierFiles.save(src, m, Map.of());
            OnnxExport.exportModelDirectory(src, file);
            OnnxImport.Summary s = OnnxImport.importFile(file, back);
            assertEquals("sequence_classification", s.task());
            ClassifierModel r = ClassifierFiles.load(back);
            assertSameTensors(m.stateDict(), r.stateDict());
            assertEquals(m.architecture(), r.architecture());
            if (m.architecture().input() == org.rnn4j.data.encode.InputKind.TOKEN_IDS) {
                Prediction p = m.predict(OnnxExportTest.WORDS.iterator()).next();
                Prediction q = r.predict(OnnxExportTest.WORDS.iterator()).next();
                assertArrayEquals(p.probabilities().data(), q.probabilities().data());
            }
        }
    }

    @Test
    void forecasterFolderRoundTrips() throws Exception {
        StringBuilder csv = new StringBuilder("time,value\n");
        YearMonth t = YearMonth.of(1990, 1);
        for (int k = 0; k < 120; k++, t = t.plusMonths(1)) {
            csv.append(t).append(',').append(String.format(Locale.ROOT, "%.4f", 10 + Math.sin(k * 0.5) + 0.01 * k)).append('\n');
        }
        Path data = dir.resolve("s.csv");
        Files.writeString(data, csv);
        ForecastSettings st = ForecastSettings.defaults(1, 20, 120).withHorizon(2).withWindow(8).withMembers(2).withHiddenSize(4)
                .withMaxEpochs(2).withPatience(1);
        RecurrentForecaster f = ForecastTrainer.train(SeriesCsv.read(data), st, TrainingListener.none());
        Path src = dir.resolve("fsrc");
        ForecastModelFiles.save(f, src);
        OnnxExport.exportModelDirectory(src, dir.resolve("f.onnx"));
        OnnxImport.importFile(dir.resolve("f.onnx"), dir.resolve("fback"));
        RecurrentForecaster r = ForecastModelFiles.load(dir.resolve("fback"));
        assertSameTensors(f.ensemble().stateDict(), r.ensemble().stateDict());
    }

    @Test
    void anyRecurrentStackImportsUnderPyTorchsNames() throws Exception {
        for (CellKind kind : CellKind.values()) {
            for (boolean bi : new boolean[] {false, true}) {
                RecurrentLayer rnn = RecurrentLayer.create(kind, 3, 4, RecurrentOptions.DEFAULTS.withNumLayers(2).withBidirectional(bi), new Rng(1));
                OnnxImport.Imported m = OnnxImport.read(OnnxExport.recurrentLayer(rnn), "x.onnx");
                assertEquals(OnnxImport.TASK, m.config().get("task").asText());
                assertEquals(kind.id(), m.config().get("architecture").get("cell").asText());
                Map<String, Tensor> rnnPart = new LinkedHashMap<>();
                m.stateDict().forEach((k, v) -> rnnPart.put(k.substring("rnn.".length()), v));
                assertSameTensors(rnn.stateDict(), rnnPart);
                RecurrentLayer fresh = RecurrentLayer.create(kind, 3, 4, rnn.options(), new Rng(2));
                fresh.loadStateDict(rnnPart); // the folder's weights load into PyTorch's (and rnn4j's) module
            }
        }
        SequenceRegressor sine = SequenceRegressor.of(CellKind.RNN_TANH, 1, 16, 1, new Rng(42));
        OnnxImport.Imported m = OnnxImport.read(OnnxExport.sequenceRegressor(sine), "sine.onnx");
        assertArrayEquals(sine.linear().weight().value().data(), m.stateDict().get("head.weight").data());
        assertTrue(m.config().get("pytorch").asText().contains("nn.RNN(1, 16, num_layers=1)"), m.config().toString());
    }

    @Test
    void whatCannotBeMappedIsNamed() throws Exception {
        // a GRU with linear_before_reset=0
        OnnxGraph g = new OnnxGraph();
        g.input("x", OnnxGraph.FLOAT, "", "steps", "batch", 2L);
        g.op("GRU").in("x", g.floats("W", new long[] {1, 6, 2}, new float[12]), g.floats("R", new long[] {1, 6, 2}, new float[12]))
                .out("y", "yh").attr("hidden_size", 2L).add();
        g.output("y", OnnxGraph.FLOAT, "", "steps", 1L, "batch", 2L);
        Path gru = dir.resolve("gru.onnx");
        Files.write(gru, g.toModel("g", "", Map.of()));
        FileFormatException e = assertThrows(FileFormatException.class, () -> OnnxImport.importFile(gru, dir.resolve("o1")));
        assertTrue(e.getMessage().contains("GRU node 'GRU_0'") && e.getMessage().contains("linear_before_reset=0"), e.getMessage());

        // an op rnn4j has no module for
        OnnxGraph c = new OnnxGraph();
        c.input("x", OnnxGraph.FLOAT, "", "steps", "batch", 2L);
        String y = c.op("LSTM").in("x", c.floats("W", new long[] {1, 8, 2}, new float[16]), c.floats("R", new long[] {1, 8, 2}, new float[16]))
                .out("y").attr("hidden_size", 2L).add1();
        c.op("Conv").in(y, c.floats("k", new long[] {1, 1, 1}, new float[1])).out("z").add();
        c.output("z", OnnxGraph.FLOAT, "");
        Path conv = dir.resolve("conv.onnx");
        Files.write(conv, c.toModel("c", "", Map.of()));
        e = assertThrows(FileFormatException.class, () -> OnnxImport.importFile(conv, dir.resolve("o2")));
        assertTrue(e.getMessage().contains("Conv node 'Conv_1'"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("o2").resolve(ModelDirectory.CONFIG)));

        // not an ONNX file at all
        Path junk = dir.resolve("junk.onnx");
        Files.write(junk, new byte[] {0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f});
        e = assertThrows(FileFormatException.class, () -> OnnxImport.importFile(junk, dir.resolve("o3")));
        assertTrue(e.getMessage().contains("runs past the end"), e.getMessage());

        // a projected LSTM is exported as Scan steps, which the import does not map back
        RecurrentLayer proj = RecurrentLayer.create(CellKind.LSTM, 2, 4, RecurrentOptions.DEFAULTS.withProjSize(2), new Rng(1));
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class, () -> OnnxImport.read(OnnxExport.recurrentLayer(proj), "p.onnx"));
        assertTrue(u.getMessage().contains("Scan node") && u.getMessage().contains("op Scan"), u.getMessage());
    }
}
