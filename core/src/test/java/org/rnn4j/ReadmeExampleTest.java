package org.rnn4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.loss.MSELoss;
import org.rnn4j.nn.recurrent.CellKind;
import org.rnn4j.optim.Adam;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.train.SequenceRegressor;
import org.rnn4j.train.SequenceTrainer;
import org.rnn4j.train.SineWindows;

/**
 * The Java example of README.md, compiled and run: the lines between the markers below must equal
 * the README's {@code java} block under "A short example" (checked here), so the README never lies.
 */
class ReadmeExampleTest {
    private static final Path SOURCE = Path.of("src", "test", "java", "org", "rnn4j", "ReadmeExampleTest.java");
    private static final Path README = Path.of("..", "README.md");

    record Outcome(float loss, Tensor pred, float[] test) {
    }

    static Outcome example() {
        // README-BEGIN
        Rng rng = new Rng(42);
        SequenceRegressor model = SequenceRegressor.of(CellKind.RNN_TANH, 1, 16, 1, rng) // RNN(1, 16) + Linear(16, 1)
                .initRecurrentNormal(0.001, rng);
        Adam adam = new Adam(model.parameters(), Adam.Options.defaults().withLr(0.01));
        SequenceTrainer trainer = new SequenceTrainer(model, adam, new MSELoss()); // carries the hidden state, detached
        float loss = 0;
        for (int it = 0; it < 2000; it++) {
            float[] w = SineWindows.window(rng.nextInt(3));          // sin(linspace(s, s+10, 50)), s in {0, 1, 2}
            loss = trainer.step(model.sequence(w, 0, 49),            // input  x[:-1] as [1, 49, 1]
                                model.sequence(w, 1, 49));           // target x[1:]
        }
        float[] test = SineWindows.window(0.5);
        Tensor pred = model.predictAutoregressive(new float[] {test[0]}, 49, trainer.state()).predictions(); // [49, 1]
        // README-END
        return new Outcome(loss, pred, test);
    }

    @Test
    void theExampleTrainsAndPredicts() {
        Outcome o = example();
        assertTrue(o.loss() < 0.01, "loss after 2000 iterations: " + o.loss());
        assertEquals(Shape.of(49, 1), o.pred().shape());
        double se = 0;
        for (int i = 0; i < 49; i++) {
            double d = (double) o.pred().data()[i] - o.test()[i + 1];
            se += d * d;
        }
        // One point cannot tell a rising from a falling curve, so the free-running prediction drifts in
        // phase (MSE 0.40 here); it must still be a bounded wave, not a blow-up.
        assertTrue(se / 49 < 1.0, "prediction MSE " + se / 49);
        for (float p : o.pred().data()) {
            assertTrue(Math.abs(p) < 1.5, "prediction " + p);
        }
    }

    @Test
    void theReadmeShowsExactlyThisCode() throws Exception {
        List<String> src = Files.readAllLines(SOURCE);
        int begin = src.indexOf("        // README-BEGIN");
        int end = src.indexOf("        // README-END");
        assertTrue(begin >= 0 && end > begin, "markers not found in " + SOURCE);
        List<String> code = new ArrayList<>();
        for (String line : src.subList(begin + 1, end)) {
            code.add(line.length() >= 8 ? line.substring(8) : line.strip());
        }
        List<String> readme = Files.readAllLines(README);
        int section = readme.indexOf("## A short example");
        assertTrue(section >= 0, "README.md has no '## A short example' section");
        int open = readme.subList(section, readme.size()).indexOf("```java") + section;
        int close = readme.subList(open + 1, readme.size()).indexOf("```") + open + 1;
        List<String> block = readme.subList(open + 1, close);
        int firstCode = 0;
        while (firstCode < block.size() && (block.get(firstCode).startsWith("import ") || block.get(firstCode).isBlank())) {
            firstCode++;
        }
        assertEquals(String.join("\n", code), String.join("\n", block.subList(firstCode, block.size())),
                "README.md's example differs from " + SOURCE + " (update one from the other)");
        for (String imp : block.subList(0, firstCode)) {
            if (!imp.isBlank()) {
                assertTrue(src.contains(imp), "README import '" + imp + "' is not used by the test");
            }
        }
    }
}
