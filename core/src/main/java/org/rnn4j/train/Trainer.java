package org.rnn4j.train;

import org.rnn4j.autograd.Var;
import org.rnn4j.ops.Backend;
import org.rnn4j.optim.Optimizer;
import org.rnn4j.optim.OptimizerState;
import org.rnn4j.tensor.Workspace;

/**
 * One training step, the same for every job: inside a step of the trainer's own {@link Workspace}
 * (a loop of equal batches reuses the last step's arrays), the objective's forward, zero_grad,
 * backward, {@link Clipping}, optimizer step. Counts steps globally (across epochs and windows),
 * the counter a checkpoint resumes from.
 */
public final class Trainer {
    private final Optimizer optimizer;
    private final Clipping clipping;
    private final Workspace workspace = new Workspace();
    private long step;

    /**
     * The forward pass of one step: returns the loss to minimise. It runs inside the open workspace
     * step, so anything it keeps beyond the step (a carried state, a count read from the logits) must
     * be read or copied out before it returns.
     */
    @FunctionalInterface
    public interface Objective {
        Var loss();
    }

    /** The loop state a checkpoint keeps: the global step and the optimizer's buffers. */
    public record State(long step, OptimizerState optimizer) {
        public State {
            if (step < 0 || optimizer == null) {
                throw new IllegalArgumentException("trainer state: step must be >= 0 and the optimizer state given");
            }
        }
    }

    public Trainer(Optimizer optimizer, Clipping clipping) {
        if (optimizer == null || clipping == null) {
            throw new IllegalArgumentException("trainer: optimizer and clipping must be given");
        }
        this.optimizer = optimizer;
        this.clipping = clipping;
        Backend.prepare(); // compiler directives and the GEMM warm-up, once per process
    }

    /** Runs one step; returns the loss computed before the optimizer step. */
    @SuppressWarnings("try") // the resource is a scope (workspace step), never referenced
    public float step(Objective objective) {
        try (Workspace.Step s = workspace.open()) {
            Var l = objective.loss();
            optimizer.zeroGrad();
            l.backward();
            clipping.apply(optimizer.params());
            optimizer.step();
            step++;
            return l.value().item(); // read inside: the value is released with the step
        }
    }

    /** Optimizer steps taken so far. */
    public long steps() {
        return step;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public Clipping clipping() {
        return clipping;
    }

    /** The step counter and optimizer state, as values. */
    public State state() {
        return new State(step, optimizer.state());
    }

    /** Continues from {@code s}: the next step is {@code s.step() + 1} with the optimizer's buffers as they were. */
    public void restore(State s) {
        optimizer.loadState(s.optimizer());
        step = s.step();
    }
}
