package org.rnn4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnn4j.nn.Parameter;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Tensor;

class OptimizerTest {

    /** Every optimizer with non-default options that exercise all its buffers. */
    static List<Function<List<Parameter>, Optimizer>> optimizers() {
        return List.of(
                ps -> new SGD(ps, SGD.Options.lr(0.05).withMomentum(0.9).withNesterov(true).withWeightDecay(0.01)),
                ps -> new SGD(ps, SGD.Options.lr(0.05).withMomentum(0.8).withDampening(0.3)),
                ps -> new Adam(ps, Adam.Options.defaults().withLr(0.01).withAmsgrad(true).withWeightDecay(0.1)),
                ps -> new AdamW(ps, AdamW.defaults().withBetas(0.8, 0.99)),
                ps -> new RMSprop(ps, RMSprop.Options.defaults().withCentered(true).withMomentum(0.9).withWeightDecay(0.01)),
                ps -> new Adagrad(ps, Adagrad.Options.defaults().withLrDecay(0.01).withInitialAccumulatorValue(0.1)));
    }

    private static List<Parameter> params(long seed) {
        Rng rng = new Rng(seed);
        List<Parameter> ps = new ArrayList<>();
        for (int[] dims : new int[][] {{3, 4}, {5}}) {
            Tensor t = Tensor.zeros(dims);
            rng.fillUniform(t.data(), -1f, 1f);
            ps.add(new Parameter(t));
        }
        return ps;
    }

    /** Sets deterministic gradients for step k (the same for every run). */
    private static void setGrads(List<Parameter> ps, int k) {
        Rng rng = new Rng(1000 + k);
        for (Parameter p : ps) {
            rng.fillUniform(p.gradBuffer().data(), -1f, 1f);
        }
    }

    private static void train(Optimizer opt, int from, int to) {
        for (int k = from; k < to; k++) {
            setGrads(opt.params(), k);
            opt.step();
        }
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void saveRestoreContinueEqualsContinuousTrainingBitForBit(Function<List<Parameter>, Optimizer> make) {
        List<Parameter> continuous = params(1);
        train(make.apply(continuous), 0, 7);

        List<Parameter> first = params(1);
        Optimizer a = make.apply(first);
        train(a, 0, 4);
        OptimizerState snapshot = a.state();
        List<Tensor> saved = first.stream().map(p -> p.value().copy()).toList();
        train(a, 4, 6); // keeps training: the snapshot must not change

        List<Parameter> resumed = new ArrayList<>();
        saved.forEach(t -> resumed.add(new Parameter(t.copy())));
        Optimizer b = make.apply(resumed);
        b.loadState(snapshot);
        assertEquals(snapshot, b.state());
        train(b, 4, 7);
        for (int i = 0; i < resumed.size(); i++) {
            assertArrayEquals(continuous.get(i).value().data(), resumed.get(i).value().data(), a.name() + " param " + i);
        }
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void maximizeEqualsMinimizingTheNegatedGradient(Function<List<Parameter>, Optimizer> make) {
        List<Parameter> minimize = params(2);
        Optimizer o = make.apply(minimize);
        List<Parameter> maximize = params(2);
        Optimizer m = make.apply(maximize);
        m.loadState(withMaximize(m.state()));
        for (int k = 0; k < 3; k++) {
            setGrads(minimize, k);
            setGrads(maximize, k);
            for (Parameter p : maximize) {
                float[] g = p.grad().data();
                for (int j = 0; j < g.length; j++) {
                    g[j] = -g[j];
                }
            }
            o.step();
            m.step();
        }
        for (int i = 0; i < minimize.size(); i++) {
            assertArrayEquals(minimize.get(i).value().data(), maximize.get(i).value().data());
        }
    }

    private static OptimizerState withMaximize(OptimizerState s) {
        OptimizerOptions o;
        if (s.options() instanceof SGD.Options x) {
            o = x.withMaximize(true);
        } else if (s.options() instanceof Adam.Options x) {
            o = x.withMaximize(true);
        } else if (s.options() instanceof RMSprop.Options x) {
            o = x.withMaximize(true);
        } else {
            o = ((Adagrad.Options) s.options()).withMaximize(true);
        }
        return new OptimizerState(s.optimizer(), o, s.steps(), s.buffers());
    }

    @Test
    void frozenParametersAndParametersWithoutGradientAreSkipped() {
        List<Parameter> ps = params(3);
        Parameter frozen = ps.get(0);
        Parameter noGrad = ps.get(1);
        frozen.gradBuffer().fill(1f);
        frozen.setRequiresGrad(false);
        float[] f0 = frozen.value().data().clone();
        float[] n0 = noGrad.value().data().clone();
        Adam adam = new Adam(ps);
        adam.step();
        assertArrayEquals(f0, frozen.value().data());
        assertArrayEquals(n0, noGrad.value().data());
        assertArrayEquals(new long[] {0, 0}, adam.state().steps());
        assertEquals(Map.of(), adam.state().buffers());
    }

    @Test
    void eachParameterCountsItsOwnSteps() {
        // p1 gets its first gradient at the optimizer's third step: its bias correction uses t = 1
        List<Parameter> ps = params(4);
        Adam adam = new Adam(ps, Adam.Options.defaults().withLr(0.1));
        ps.get(0).gradBuffer().fill(0.5f);
        adam.step();
        adam.step();
        ps.get(1).gradBuffer().fill(-0.25f);
        adam.step();
        assertArrayEquals(new long[] {3, 1}, adam.state().steps());

        Parameter alone = new Parameter(params(4).get(1).value());
        alone.gradBuffer().fill(-0.25f);
        new Adam(List.of(alone), Adam.Options.defaults().withLr(0.1)).step();
        assertArrayEquals(alone.value().data(), ps.get(1).value().data());
    }

    @Test
    void sgdMomentumBufferStartsAtTheGradientWithoutDampening() {
        Parameter p = new Parameter(Tensor.vector(1f));
        SGD sgd = new SGD(List.of(p), SGD.Options.lr(0.1).withMomentum(0.9).withDampening(0.5));
        p.gradBuffer().fill(0.5f);
        sgd.step(); // buf = 0.5
        assertEquals(0.95f, p.value().item(), 1e-7f);
        sgd.step(); // buf = 0.9·0.5 + 0.5·0.5 = 0.7
        assertEquals(0.88f, p.value().item(), 1e-7f);
    }

    @Test
    void adamFirstStepMovesByLrTimesTheSignOfTheGradient() {
        Parameter p = new Parameter(Tensor.vector(1f, 1f));
        p.gradBuffer().copyFrom(Tensor.vector(0.3f, -2f));
        new Adam(List.of(p), Adam.Options.defaults().withLr(0.01)).step(); // m̂ = g, v̂ = g²
        assertArrayEquals(new float[] {0.99f, 1.01f}, p.value().data(), 1e-6f);
    }

    @Test
    void setLrChangesTheNextStepAndStateRestoresIt() {
        List<Parameter> ps = params(5);
        SGD sgd = new SGD(ps, 0.1);
        OptimizerState before = sgd.state();
        sgd.setLr(0.5);
        assertEquals(0.5, sgd.lr());
        float p0 = ps.get(1).value().get(0);
        ps.get(1).gradBuffer().fill(1f);
        sgd.step();
        assertEquals(p0 - 0.5f, ps.get(1).value().get(0), 1e-6f);
        sgd.loadState(before);
        assertEquals(0.1, sgd.lr());
    }

    @Test
    void zeroGradKeepsBuffersAsZeros() {
        List<Parameter> ps = params(6);
        Adagrad opt = new Adagrad(ps);
        setGrads(ps, 0);
        opt.zeroGrad();
        for (Parameter p : ps) {
            assertArrayEquals(new float[p.value().size()], p.grad().data());
        }
    }

    @Test
    void loadStateValidatesBeforeChangingAnything() {
        List<Parameter> ps = params(7);
        Adam adam = new Adam(ps);
        setGrads(ps, 0);
        adam.step();
        OptimizerState good = adam.state();
        IllegalArgumentException e;

        e = assertThrows(IllegalArgumentException.class, () -> new SGD(ps, 0.1).loadState(good));
        assertEquals("SGD.load_state: state of Adam cannot be loaded into SGD", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Adam(ps.subList(0, 1)).loadState(good));
        assertEquals("Adam.load_state: state has 2 parameters, optimizer has 1", e.getMessage());

        Map<String, Tensor> wrongShape = new HashMap<>(good.buffers());
        wrongShape.put("1.exp_avg", Tensor.zeros(4));
        Adam fresh = new Adam(ps);
        e = assertThrows(IllegalArgumentException.class,
                () -> fresh.loadState(new OptimizerState("Adam", good.options(), good.steps(), wrongShape)));
        assertEquals("Adam.load_state: buffer 1.exp_avg has shape [4], parameter 1 has shape [5]", e.getMessage());
        assertArrayEquals(new long[] {0, 0}, fresh.state().steps()); // nothing was applied

        Map<String, Tensor> unknown = Map.of("0.momentum_buffer", Tensor.zeros(3, 4));
        e = assertThrows(IllegalArgumentException.class,
                () -> fresh.loadState(new OptimizerState("Adam", good.options(), good.steps(), unknown)));
        assertEquals("Adam.load_state: unknown buffer 0.momentum_buffer (expected one of "
                + new Adam(ps).bufferNames() + ")", e.getMessage());

        Map<String, Tensor> badIndex = Map.of("2.exp_avg", Tensor.zeros(3, 4));
        e = assertThrows(IllegalArgumentException.class,
                () -> fresh.loadState(new OptimizerState("Adam", good.options(), good.steps(), badIndex)));
        assertEquals("Adam.load_state: buffer 2.exp_avg refers to parameter 2, optimizer has 2", e.getMessage());
    }

    @Test
    void snapshotsAreDeepCopies() {
        List<Parameter> ps = params(8);
        RMSprop opt = new RMSprop(ps);
        train(opt, 0, 1);
        OptimizerState s = opt.state();
        float[] before = s.buffers().get("0.square_avg").data().clone();
        train(opt, 1, 2);
        assertArrayEquals(before, s.buffers().get("0.square_avg").data());
        assertNotEquals(s, opt.state());
    }

    @Test
    void invalidHyperParameters() {
        List<Parameter> ps = params(9);
        assertEquals("SGD: nesterov momentum requires a momentum > 0 and zero dampening, got momentum 0.0, dampening 0.0",
                assertThrows(IllegalArgumentException.class, () -> SGD.Options.lr(0.1).withNesterov(true)).getMessage());
        assertEquals("Adam: invalid beta1 1.0 (expected in [0, 1))",
                assertThrows(IllegalArgumentException.class, () -> Adam.Options.defaults().withBetas(1.0, 0.9)).getMessage());
        assertEquals("Adagrad: invalid learning rate -0.1 (expected >= 0)",
                assertThrows(IllegalArgumentException.class, () -> Adagrad.Options.defaults().withLr(-0.1)).getMessage());
        assertEquals("RMSprop: invalid learning rate NaN (expected >= 0)",
                assertThrows(IllegalArgumentException.class, () -> new RMSprop(ps).setLr(Double.NaN)).getMessage());
        assertEquals("SGD: optimizer got an empty parameter list",
                assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(), 0.1)).getMessage());
        assertEquals("Adam: parameter 1 appears more than once",
                assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(ps.get(0), ps.get(0)))).getMessage());
    }
}
