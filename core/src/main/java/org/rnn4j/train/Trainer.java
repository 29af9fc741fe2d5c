package org.rnn4j.train;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.autograd.Var;
import org.rnn4j.nn.Module;
import org.rnn4j.nn.Parameter;
import org.rnn4j.ops.Backend;
import org.rnn4j.optim.Optimizer;
import org.rnn4j.optim.OptimizerState;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/**
 * One training step, the same for every job: inside a step of the trainer's own {@link Workspace}
 * (a loop of equal batches reuses the last step's arrays), the objective's forward, zero_grad,
 * backward, {@link Clipping}, optimizer step. Counts steps globally (across epochs and windows),
 * the counter a checkpoint resumes from.
 *
 * <p>Non-finite guard: a NaN or infinite loss or gradient (checked before clipping, which would
 * spread it to every parameter) either stops training with a {@link NonFiniteException} naming the
 * step and the parameter, before the optimizer touches the weights, or skips the step
 * ({@link OnNonFinite}); a finite step whose update makes a weight non-finite always stops. The checks
 * read values only, so a run without non-finite numbers computes the same bits as without them.
 */
public final class Trainer {
    private final Optimizer optimizer;
    private final Clipping clipping;
    private final Workspace workspace = new Workspace();
    private final OnNonFinite onNonFinite;
    private final List<String> names;
    private long step;
    private long skipped;

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

    /** A trainer that stops on a non-finite loss or gradient, naming parameters by their index. */
    public Trainer(Optimizer optimizer, Clipping clipping) {
        this(optimizer, clipping, OnNonFinite.STOP, null);
    }

    /**
     * A trainer with the given non-finite policy; {@code model} (may be null) names the optimizer's
     * parameters in messages by their PyTorch names.
     */
    public Trainer(Optimizer optimizer, Clipping clipping, OnNonFinite onNonFinite, Module model) {
        if (optimizer == null || clipping == null || onNonFinite == null) {
            throw new IllegalArgumentException("trainer: optimizer, clipping and the non-finite policy must be given");
        }
        this.optimizer = optimizer;
        this.clipping = clipping;
        this.onNonFinite = onNonFinite;
        Map<Parameter, String> byParam = new IdentityHashMap<>();
        if (model != null) {
            model.namedParameters().forEach((n, p) -> byParam.put(p, n));
        }
        List<String> n = new ArrayList<>();
        List<Parameter> ps = optimizer.params();
        for (int i = 0; i < ps.size(); i++) {
            n.add(byParam.getOrDefault(ps.get(i), "parameter " + i));
        }
        this.names = List.copyOf(n);
        Backend.prepare(); // compiler directives and the GEMM warm-up, once per process
    }

    /**
     * Runs one step; returns the loss computed before the optimizer step (NaN or infinite for a step
     * skipped under {@link OnNonFinite#SKIP}).
     */
    @SuppressWarnings("try") // the resource is a scope (workspace step), never referenced
    public float step(Objective objective) {
        try (Workspace.Step s = workspace.open()) {
            Var l = objective.loss();
            float loss = l.value().item(); // read inside: the value is released with the step
            optimizer.zeroGrad();
            if (!Float.isFinite(loss)) {
                return nonFinite(loss, null, "loss is " + loss);
            }
            l.backward();
            List<Parameter> ps = optimizer.params();
            for (int i = 0; i < ps.size(); i++) {
                Tensor g = ps.get(i).grad();
                if (g != null && !allFinite(g)) {
                    String bad = names.get(i);
                    optimizer.zeroGrad();
                    return nonFinite(loss, bad, "gradient of " + bad + " is not finite (loss " + loss + ")");
                }
            }
            clipping.apply(ps);
            optimizer.step();
            step++;
            for (int i = 0; i < ps.size(); i++) {
                if (!allFinite(ps.get(i).value())) {
                    throw new NonFiniteException(step, names.get(i), "training stopped at step " + step + ": the update made "
                            + names.get(i) + " non-finite (loss " + loss + "); try a smaller learning rate");
                }
            }
            return loss;
        }
    }

    private float nonFinite(float loss, String parameter, String what) {
        if (onNonFinite == OnNonFinite.SKIP) {
            skipped++;
            return loss;
        }
        long at = step + 1;
        throw new NonFiniteException(at, parameter, "training stopped at step " + at + ": " + what
                + "; the weights are those of step " + step + " (try a smaller learning rate, or skip such steps)");
    }

    private static boolean allFinite(Tensor t) {
        float[] v = t.data();
        for (float x : v) {
            if (!Float.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    /** Steps skipped for a non-finite loss or gradient under {@link OnNonFinite#SKIP}. */
    public long skipped() {
        return skipped;
    }

    public OnNonFinite onNonFinite() {
        return onNonFinite;
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
