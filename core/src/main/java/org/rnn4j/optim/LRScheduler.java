package org.rnn4j.optim;

/**
 * An epoch-based learning-rate schedule, like {@code torch.optim.lr_scheduler._LRScheduler}: on
 * construction it records the optimizer's learning rate as {@code base_lr} and sets epoch 0;
 * every {@link #step()} advances one epoch and writes the new learning rate into the optimizer.
 * Call it after {@code optimizer.step()}, once per epoch.
 */
public abstract class LRScheduler {
    private final Optimizer optimizer;
    private final double baseLr;
    private int lastEpoch;
    private double lastLr;

    protected LRScheduler(Optimizer optimizer) {
        if (optimizer == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": optimizer is null");
        }
        this.optimizer = optimizer;
        this.baseLr = optimizer.lr();
        this.lastEpoch = 0;
        this.lastLr = optimizer.lr(); // every schedule starts at the optimizer's learning rate
    }

    /** Advances one epoch and sets the optimizer's learning rate. */
    public final void step() {
        lastEpoch++;
        double lr = nextLr(optimizer.lr(), lastEpoch);
        optimizer.setLr(lr);
        lastLr = lr;
    }

    /**
     * The learning rate for {@code epoch} (≥ 1) given the current one, in PyTorch's recursive
     * ("chainable") form.
     */
    protected abstract double nextLr(double currentLr, int epoch);

    /** The closed-form learning rate of {@code epoch}, as PyTorch's {@code _get_closed_form_lr}. */
    public abstract double closedFormLr(int epoch);

    public final Optimizer optimizer() {
        return optimizer;
    }

    /** The optimizer's learning rate when the scheduler was created. */
    public final double baseLr() {
        return baseLr;
    }

    /** The current epoch (0 after construction). */
    public final int lastEpoch() {
        return lastEpoch;
    }

    /** The learning rate set by the last {@link #step()} (the base learning rate before any). */
    public final double lastLr() {
        return lastLr;
    }

    /** The counters a checkpoint keeps (the learning rate itself lives in the optimizer's state). */
    public record State(int lastEpoch, double lastLr) {
    }

    public final State state() {
        return new State(lastEpoch, lastLr);
    }

    /** Continues from {@code s}. */
    public final void loadState(State s) {
        lastEpoch = s.lastEpoch();
        lastLr = s.lastLr();
    }
}
