package org.rnn4j.optim;

/** {@code ExponentialLR}: multiplies the learning rate by {@code gamma} every epoch. */
public final class ExponentialLR extends LRScheduler {
    private final double gamma;

    public ExponentialLR(Optimizer optimizer, double gamma) {
        super(optimizer);
        this.gamma = gamma;
    }

    @Override
    protected double nextLr(double currentLr, int epoch) {
        return currentLr * gamma;
    }

    /** {@code base_lr · gamma^epoch}. */
    @Override
    public double closedFormLr(int epoch) {
        return baseLr() * Math.pow(gamma, epoch);
    }
}
