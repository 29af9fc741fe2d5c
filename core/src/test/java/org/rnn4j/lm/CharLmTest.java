package org.rnn4j.lm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.autograd.GradMode;
import org.rnn4j.data.text.CharVocabulary;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.IntTensor;
import org.rnn4j.tensor.Shape;

class CharLmTest {
    static final String TEXT = "It is a truth universally acknowledged, that a single man in possession of a good fortune, "
            + "must be in want of a wife.\n";

    static CharLanguageModel model(CellKind cell, int vocab) {
        return new CharLanguageModel(new LmArchitecture(cell, vocab, 8, 16, 2, 0.1), new Rng(3));
    }

    @Test
    void vocabularyIdsAreStableAndUnknownsCounted() {
        CharVocabulary v = CharVocabulary.of("cab\nba");
        assertEquals("\nabc", v.chars());
        assertEquals(CharVocabulary.of("abc\n"), v);
        CharVocabulary.Encoded e = v.encode("abzcé");
        assertArrayEquals(new int[] {1, 2, 3}, e.ids());
        assertEquals(2, e.unknown());
        assertEquals("zé", e.unknownChars());
        assertEquals("abc", v.decode(e.ids()));
    }

    @Test
    void splitIsByPosition() {
        int[] ids = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        CharVocabulary.Split s = CharVocabulary.splitByPosition(ids, 0.2);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, s.train());
        assertArrayEquals(new int[] {8, 9}, s.validation());
    }

    @Test
    @SuppressWarnings("try")
    void carriedStateEqualsOneStraightPass() {
        for (CellKind cell : List.of(CellKind.LSTM, CellKind.GRU, CellKind.RNN_TANH)) {
            CharLanguageModel m = model(cell, 5);
            m.eval();
            int[] ids = {0, 1, 2, 3, 4, 3, 2, 1, 0, 4, 4, 2};
            try (var off = GradMode.disabled()) {
                float[] whole = m.forward(IntTensor.wrap(Shape.of(1, 12), ids), null).logits().value().data();
                var a = m.forward(IntTensor.wrap(Shape.of(1, 5), java.util.Arrays.copyOfRange(ids, 0, 5)), null);
                var b = m.forward(IntTensor.wrap(Shape.of(1, 7), java.util.Arrays.copyOfRange(ids, 5, 12)), a.state().detach());
                float[] parts = new float[whole.length];
                System.arraycopy(a.logits().value().data(), 0, parts, 0, 25);
                System.arraycopy(b.logits().value().data(), 0, parts, 25, 35);
                assertArrayEquals(whole, parts, 1e-5f, cell.toString());
            }
        }
    }

    @Test
    void bpcDoesNotDependOnTheWindow() {
        CharVocabulary v = CharVocabulary.of(TEXT);
        CharLanguageModel m = model(CellKind.LSTM, v.size());
        int[] ids = v.encode(TEXT).ids();
        Bpc.Score one = Bpc.of(m, ids, ids.length);
        for (int w : new int[] {1, 7, 64}) {
            Bpc.Score s = Bpc.of(m, ids, w);
            assertEquals(one.predicted(), s.predicted());
            assertEquals(one.bpc(), s.bpc(), 1e-5, "window " + w);
        }
        assertEquals(Math.log(v.size()) / Math.log(2), one.bpc(), 0.5); // untrained: about uniform
    }

    @Test
    void trainingLowersBpcAndGenerationIsDeterministic(@TempDir Path dir) throws Exception {
        String text = TEXT.repeat(12);
        CharVocabulary v = CharVocabulary.of(text);
        CharVocabulary.Split split = CharVocabulary.splitByPosition(v.encode(text).ids(), 0.1);
        LmSettings s = LmSettings.defaults().withModel(CellKind.LSTM, 8, 32, 1, 0.0).withWindows(4, 16, 20)
                .withOptimizer(1e-2, 0, 5, 1.0).withBudget(60, 0);
        CharLanguageModel m = new CharLanguageModel(s.architecture(v.size()), new Rng(1));
        double before = Bpc.of(m, split.validation(), 64).bpc();
        LmTrainer.Result r = new LmTrainer(m, s, split.train(), split.validation()).run(new LmTrainer.Listener() {
        }, () -> 0L);
        assertEquals(60, r.steps());
        assertTrue(r.bestBpc() < before - 1, r.bestBpc() + " vs " + before);
        assertEquals(r.bestBpc(), Bpc.of(m, split.validation(), 512).bpc(), 1e-9);

        LmFiles.save(dir, m, v, s, Map.of("validation_bpc", r.bestBpc()));
        LmFiles.Loaded l = LmFiles.load(dir);
        assertEquals(r.bestBpc(), Bpc.of(l.model(), split.validation(), 100).bpc(), 1e-5);
        String a = new Generator(l.model(), v, "It is", Sampling.defaults(), 7, 200, List.of()).text();
        String b = new Generator(l.model(), v, "It is", Sampling.defaults(), 7, 200, List.of()).text();
        assertEquals(a, b);
        assertEquals(200, a.codePointCount(0, a.length()));
        String stopped = new Generator(l.model(), v, "It is", new Sampling(0, 0, 1), 7, 500, List.of("o")).text();
        assertTrue(stopped.endsWith("o") && stopped.indexOf('o') == stopped.length() - 1, stopped);
    }

    @Test
    void topKAndTopPKeepOnlyTheMostLikely() {
        float[] logits = {0f, 3f, 2.9f, 1f};
        double[] scratch = new double[4];
        Rng rng = new Rng(1);
        for (int i = 0; i < 500; i++) {
            int k = new Sampling(1, 2, 1).draw(logits, scratch, rng);
            assertTrue(k == 1 || k == 2);
            int p = new Sampling(1, 0, 0.3).draw(logits, scratch, rng); // id 1 alone holds > 30 % of the mass
            assertEquals(1, p);
        }
        assertEquals(1, new Sampling(0, 0, 1).draw(logits, scratch, rng));
    }
}
