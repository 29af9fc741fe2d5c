package org.rnn4j.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import java.util.ArrayList;
import java.util.List;
import org.rnn4j.autograd.Var;
import org.rnn4j.loss.CrossEntropyLoss;
import org.rnn4j.nn.Embedding;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.Parameter;
import org.rnn4j.nn.recurrent.LSTM;
import org.rnn4j.nn.recurrent.RecurrentOptions;
import org.rnn4j.ops.F;
import org.rnn4j.optim.Adam;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.IntTensor;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/**
 * W3 of the benchmark definition (docs/performance.md) at its shape: {@code Embedding(20000→100) → LSTM(100→256, 2 layers,
 * batch_first) → h_n of the last layer → Linear(256→2)}, batch 64, seq 100. Scores are sequences per
 * second ({@code @OperationsPerInvocation(64)}), one invocation = one step of 64 sequences.
 *
 * <ul>
 *   <li>{@link #trainingStep}: the W3 training step as defined there — zero grads, forward,
 *       CrossEntropy (mean), backward, Adam (lr 1e-3) — on one fixed batch of ids and labels.</li>
 *   <li>{@link #lstmForwardBackward}: the recurrent layer alone, forward + backward (dX and every
 *       parameter gradient) on a fixed embedded batch — the part the fused engine owns.</li>
 * </ul>
 *
 * <p>Both run each invocation in a step of one {@link Workspace}, as a training loop that wants no
 * garbage does: once warmed up, an invocation reuses the previous one's arrays ({@code -prof gc}
 * shows what is left per operation).
 *
 * <p>Never run by the build: {@code mvn -q -pl bench -am package -DskipTests && java -jar bench/target/benchmarks.jar LstmW3}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class LstmW3Benchmark {
    static final int VOCAB = 20_000;
    static final int EMBED = 100;
    static final int HIDDEN = 256;
    static final int BATCH = 64;
    static final int SEQ = 100;

    private Embedding embedding;
    private LSTM lstm;
    private Linear head;
    private IntTensor ids;
    private Var embedded;      // [B, T, 100], requires a gradient like the embedding output does
    private IntTensor labels;  // [B]
    private CrossEntropyLoss loss;
    private Adam adam;
    private Tensor dLastH;     // [B, 256]
    private final Workspace workspace = new Workspace();

    @Setup
    public void setup() {
        Rng rng = new Rng(20_003);
        embedding = new Embedding(VOCAB, EMBED, rng);
        lstm = new LSTM(EMBED, HIDDEN, RecurrentOptions.DEFAULTS.withNumLayers(2).withBatchFirst(true), rng);
        head = new Linear(HIDDEN, 2, rng);
        int[] tokens = new int[BATCH * SEQ];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = rng.nextInt(VOCAB);
        }
        ids = IntTensor.wrap(Shape.of(BATCH, SEQ), tokens);
        Tensor e = Tensor.zeros(BATCH, SEQ, EMBED);
        rng.fillNormal(e.data(), 0f, 1f);
        embedded = Var.param(e);
        int[] y = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            y[i] = rng.nextInt(2);
        }
        labels = IntTensor.wrap(Shape.of(BATCH), y);
        loss = CrossEntropyLoss.defaults();
        List<Parameter> params = new ArrayList<>(embedding.parameters());
        params.addAll(lstm.parameters());
        params.addAll(head.parameters());
        adam = new Adam(params, Adam.Options.defaults().withLr(1e-3));
        dLastH = Tensor.zeros(BATCH, HIDDEN);
        rng.fillUniform(dLastH.data(), -1f / BATCH, 1f / BATCH);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    @SuppressWarnings("try") // the resource is a scope (workspace step, grad mode), never referenced
    public void lstmForwardBackward(Blackhole bh) {
        try (Workspace.Step step = workspace.open()) {
            lstm.zeroGrad();
            embedded.zeroGrad();
            Var lastH = F.select(lstm.forward(embedded).hN(), 0, -1); // [B, 256]
            lastH.backward(dLastH);
            bh.consume(embedded.grad()); // a leaf's gradient: owned, not part of the step
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    @SuppressWarnings("try") // the resource is a scope (workspace step, grad mode), never referenced
    public void trainingStep(Blackhole bh) {
        try (Workspace.Step step = workspace.open()) {
            adam.zeroGrad();
            Var x = embedding.forward(ids);                            // [B, T, 100]
            Var lastH = F.select(lstm.forward(x).hN(), 0, -1);         // [B, 256]
            Var logits = head.forward(lastH);                          // [B, 2]
            Var l = loss.forward(logits, labels);
            l.backward();
            adam.step();
            bh.consume(l.value().item()); // read inside the step: the value is released with it
        }
    }
}
