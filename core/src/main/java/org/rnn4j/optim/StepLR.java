package org.rnn4j.optim;

/** {@code StepLR}: multiplies the learning rate by {@code gamma} every {@code stepSize} epochs. */
public final class StepLR extends LRScheduler {
    private final int stepSize;
    private final double gamma;

    /** @param gamma multiplicative factor (PyTorch's default 0.1) */
    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super(optimizer);
        if (stepSize <= 0) {
            throw new IllegalArgumentException("StepLR: step_size must be >= 1, got " + stepSize);
        }
        this.stepSize = stepSize;
        this.gamma = gamma;
    }

    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1);
    }

    @Override
    protected double nextLr(double currentLr, int epoch) {
        return epoch % stepSize != 0 ? currentLr : currentLr * gamma;
    }

    /** {@code base_lr · gamma^(epoch / stepSize)} (integer division). */
    @Override
    public double closedFormLr(int epoch) {
        return baseLr() * Math.pow(gamma, epoch / stepSize);
    }
}
