package org.rnn4j.train;

import org.rnn4j.autograd.Var;
import org.rnn4j.loss.MSELoss;
import org.rnn4j.nn.recurrent.RecurrentState;
import org.rnn4j.optim.Optimizer;
import org.rnn4j.tensor.Tensor;

/**
 * Truncated backpropagation through time over consecutive windows, the hidden state carried from
 * one window to the next and detached (PyTorch: {@code out, hidden = rnn(x, hidden);
 * hidden = hidden.detach()}). One {@link #step} is one {@link Trainer} step on one window (inside a
 * workspace step, so a loop of equal windows reuses the last step's arrays); the carried state is
 * copied out before the step closes.
 */
public final class SequenceTrainer {
    private final SequenceRegressor model;
    private final Trainer trainer;
    private final MSELoss loss;
    private RecurrentState state;

    /** Starts from zero state; {@code optimizer} must hold the model's parameters. */
    public SequenceTrainer(SequenceRegressor model, Optimizer optimizer, MSELoss loss) {
        this.model = model;
        this.trainer = new Trainer(optimizer, Clipping.none(), OnNonFinite.STOP, model);
        this.loss = loss;
    }

    /**
     * Forward from the carried state, keep the new state (detached), loss against {@code target},
     * zero_grad, backward, optimizer step. Returns the loss computed before the step.
     *
     * @param input  [1, T, I] (batch_first) or [T, 1, I], e.g. from {@link SequenceRegressor#sequence}
     * @param target the prediction's shape
     */
    @SuppressWarnings("try") // the resource is a scope (workspace step, grad mode), never referenced
    public float step(Tensor input, Tensor target) {
        return trainer.step(() -> {
            SequenceRegressor.Step s = model.forward(Var.constant(input), state);
            state = outliving(s.state());
            return loss.forward(s.prediction(), target);
        });
    }

    /** The state detached and copied out of the open step (its arrays are recycled when the step closes). */
    private static RecurrentState outliving(RecurrentState s) {
        return s.map(v -> Var.constant(v.value().copy()));
    }

    /** The state carried into the next step ({@code null} before the first). */
    public RecurrentState state() {
        return state;
    }

    /** Forgets the carried state: the next step starts from zeros. */
    public void resetState() {
        state = null;
    }

    public SequenceRegressor model() {
        return model;
    }

    public Optimizer optimizer() {
        return trainer.optimizer();
    }

    /** The step runner (its global step counter and state). */
    public Trainer trainer() {
        return trainer;
    }
}
