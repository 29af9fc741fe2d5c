package org.rnn4j.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnn4j.autograd.Var;
import org.rnn4j.tensor.IntTensor;
import org.rnn4j.tensor.Shape;

class BenchWorkloadTest {

    /** FLOPs per item as printed in the benchmark definition, and the precision it prints them with. */
    @Test
    void flopAccountingReproducesTheDefinition() {
        Map<BenchWorkload, double[]> documented = new EnumMap<>(BenchWorkload.class);
        documented.put(BenchWorkload.W1, new double[] {84_672, 1});        // per step, exact
        documented.put(BenchWorkload.W2, new double[] {634.1e6, 0.1e6});   // per sequence
        documented.put(BenchWorkload.W3, new double[] {533.3e6, 0.1e6});
        documented.put(BenchWorkload.W3G, new double[] {400.0e6, 0.1e6});
        documented.put(BenchWorkload.W4B1, new double[] {734.0e6, 0.1e6});
        documented.put(BenchWorkload.W4B32, new double[] {734.0e6, 0.1e6});
        documented.put(BenchWorkload.W5TRAIN, new double[] {7.373e6, 0.001e6}); // per token
        documented.put(BenchWorkload.W5SAMPLE, new double[] {2.458e6, 0.001e6});
        for (BenchWorkload id : BenchWorkload.values()) {
            Workload w = id.create(BenchScale.FULL);
            double[] d = documented.get(id);
            double printed = Math.round(w.flopsPerItem() / d[1]) * d[1];
            assertEquals(d[0], printed, d[1] * 1e-6, id + ": " + w.flopsPerItem() + " FLOPs per item");
        }
        // W1 exactly: 49 steps · (1·16 + 16·16 + 16·1) multiply-adds · 2 · 3
        assertEquals(49.0 * (16 + 256 + 16) * 2 * 3, BenchWorkload.W1.create(BenchScale.FULL).flopsPerItem());
    }

    @Test
    void itemsPerStepAtFullScale() {
        Map<BenchWorkload, Integer> items = Map.of(BenchWorkload.W1, 1, BenchWorkload.W2, 64, BenchWorkload.W3, 64,
                BenchWorkload.W3G, 64, BenchWorkload.W4B1, 1, BenchWorkload.W4B32, 32,
                BenchWorkload.W5TRAIN, 32 * 128, BenchWorkload.W5SAMPLE, 1);
        for (BenchWorkload id : BenchWorkload.values()) {
            assertEquals(items.get(id), id.create(BenchScale.FULL).itemsPerStep(), id.label());
        }
    }

    @Test
    void everyWorkloadStepsAtQuickScale() {
        for (BenchWorkload id : BenchWorkload.values()) {
            Workload w = id.create(BenchScale.QUICK);
            assertEquals(id, w.id());
            assertTrue(w.itemsPerStep() >= 1 && w.itemsPerStep() <= 2 * 6, id + ": " + w.itemsPerStep());
            for (int i = 0; i < 2; i++) {
                double v = w.step();
                assertTrue(Double.isFinite(v), id + " step " + i + " returned " + v);
            }
        }
    }

    @Test
    void quickScaleShrinksBatchAndSequenceOnly() {
        Workload w3 = BenchWorkload.W3.create(BenchScale.QUICK);
        assertEquals(2, w3.itemsPerStep());
        // same per-step cost as the full model, 6 steps instead of 100: (100+256)·1024 + 512·1024 MACs per step
        assertEquals(Flops.training(6L * (356 * 1024 + 512 * 1024) + 512), w3.flopsPerItem());
        assertEquals(2 * 6, BenchWorkload.W5TRAIN.create(BenchScale.QUICK).itemsPerStep());
    }

    @Test
    void sineTrainingLowersTheLoss() {
        Workload w = BenchWorkload.W1.create(BenchScale.QUICK);
        double first = 0;
        double second = 0;
        for (int i = 0; i < 2 * SineWorkload.WINDOWS; i++) {
            double loss = w.step();
            assertTrue(Double.isFinite(loss));
            if (i < SineWorkload.WINDOWS) {
                first += loss;
            } else {
                second += loss;
            }
        }
        // the same 64 windows seen again after one pass of Adam
        assertTrue(second < 0.5 * first, "first pass " + first / 64 + ", second " + second / 64);
    }

    @Test
    void sineWindowsFollowTheDefinition() {
        float[] w0 = SineWorkload.window(0);
        assertEquals(50, w0.length);
        assertEquals(0f, w0[0]);
        assertEquals((float) Math.sin(Math.PI / 49), w0[1]);
        assertEquals(0f, w0[49], 1e-6f);                        // sin(π)
        assertEquals(1f, SineWorkload.window(16)[0]);          // φ = π/2
        assertEquals((float) Math.sin(3 * Math.PI / 2 + 10 * Math.PI / 49), SineWorkload.window(48)[10]);
    }

    @Test
    void seededWorkloadsRepeatExactly() {
        for (BenchWorkload id : new BenchWorkload[] {BenchWorkload.W2, BenchWorkload.W3G, BenchWorkload.W5TRAIN}) {
            Workload a = id.create(BenchScale.QUICK);
            Workload b = id.create(BenchScale.QUICK);
            assertEquals(a.step(), b.step(), id.label());
            assertEquals(a.step(), b.step(), id.label());
        }
        Workload a = BenchWorkload.W5SAMPLE.create(BenchScale.QUICK);
        Workload b = BenchWorkload.W5SAMPLE.create(BenchScale.QUICK);
        double[] ta = new double[20];
        double[] tb = new double[20];
        for (int i = 0; i < 20; i++) {
            ta[i] = a.step();
            tb[i] = b.step();
            assertTrue(ta[i] >= 0 && ta[i] < 96 && ta[i] == Math.rint(ta[i]), "token " + ta[i]);
        }
        assertArrayEquals(ta, tb);
        assertTrue(java.util.Arrays.stream(ta).distinct().count() > 1, "sampling always gave the same token");
    }

    @Test
    void inferenceBuildsNoGraph() {
        LstmInferenceWorkload w = (LstmInferenceWorkload) BenchWorkload.W4B32.create(BenchScale.QUICK);
        Var out = w.forward();
        assertFalse(out.requiresGrad());
        assertEquals(Shape.of(6, 2, 512), out.shape()); // [T, B, 512], sequence first
        assertFalse(w.lstm().isTraining());
        assertEquals(1, BenchWorkload.W4B1.create(BenchScale.QUICK).itemsPerStep());
    }

    @Test
    void charLmTargetsAreTheNextIds() {
        CharLmTrainWorkload w = (CharLmTrainWorkload) BenchWorkload.W5TRAIN.create(BenchScale.QUICK);
        for (int i = 0; i < CharLmTrainWorkload.BATCHES; i++) {
            IntTensor x = w.inputs(i);   // [B, T]
            IntTensor y = w.targets(i);  // [B·T]
            int batch = x.shape().dim(0);
            int seq = x.shape().dim(1);
            assertEquals(Shape.of(batch * seq), y.shape());
            for (int b = 0; b < batch; b++) {
                for (int t = 0; t + 1 < seq; t++) {
                    assertEquals(x.data()[b * seq + t + 1], y.data()[b * seq + t]);
                }
            }
        }
    }

    @Test
    void samplingInvertsTheCumulativeDistribution() {
        float[] p = {0.2f, 0.5f, 0.3f, 0f};
        assertEquals(0, CharLmSampleWorkload.sample(p, 0.0));
        assertEquals(0, CharLmSampleWorkload.sample(p, 0.19));
        assertEquals(1, CharLmSampleWorkload.sample(p, 0.21));
        assertEquals(1, CharLmSampleWorkload.sample(p, 0.69));
        assertEquals(2, CharLmSampleWorkload.sample(p, 0.71));
        assertEquals(2, CharLmSampleWorkload.sample(p, 0.9999999999)); // never the empty last class
    }

    @Test
    void parsesLabelsCaseInsensitively() {
        assertEquals(BenchWorkload.W3G, BenchWorkload.parse("w3g"));
        assertEquals(BenchWorkload.W5SAMPLE, BenchWorkload.parse("W5sample"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchWorkload.parse("W6"));
        assertEquals("bench: unknown workload 'W6', expected one of W1, W2, W3, W3g, W4b1, W4b32, W5train, W5sample",
                e.getMessage());
    }
}
