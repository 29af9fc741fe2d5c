package org.rnn4j.bench;

import org.rnn4j.autograd.Var;
import org.rnn4j.optim.Optimizer;
import org.rnn4j.tensor.Workspace;

/**
 * A workload whose step is one training step over a fixed, cycled list of batches. Each step runs in a
 * step of one {@link Workspace}, so once warmed up the steps reuse the last step's arrays.
 */
abstract class TrainingWorkload implements Workload {
    private final Optimizer optimizer;
    private final int batches;
    private final Workspace workspace = new Workspace();
    private long steps;

    TrainingWorkload(Optimizer optimizer, int batches) {
        this.optimizer = optimizer;
        this.batches = batches;
    }

    /** Forward pass and loss (a 0-d Var with a graph) on batch {@code index} (0 ≤ index < batches). */
    abstract Var loss(int index);

    /** zero_grad, forward, loss, backward, step; returns the loss before the update. */
    @Override
    @SuppressWarnings("try") // the step is only a scope: closing it releases the step's tensors
    public final double step() {
        int index = (int) (steps++ % batches);
        try (Workspace.Step step = workspace.open()) {
            optimizer.zeroGrad();
            Var loss = loss(index);
            loss.backward();
            optimizer.step();
            return loss.value().item(); // read inside: the value is released with the step
        }
    }
}
