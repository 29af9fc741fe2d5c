package org.rnn4j.optim;

/**
 * {@code CosineAnnealingLR} (SGDR without restarts): closed form
 * {@code η_t = η_min + (η_base - η_min)·(1 + cos(π·t/T_max))/2}, which keeps oscillating with period
 * 2·T_max after T_max. Like PyTorch, {@link #step()} uses the recursive form
 * {@code η_t = η_min + (η_{t-1} - η_min)·(1 + cos(π·t/T_max)) / (1 + cos(π·(t-1)/T_max))}, with the
 * additive rule {@code η_t = η_{t-1} + (η_base - η_min)·(1 - cos(π/T_max))/2} where that denominator is 0,
 * so a learning rate changed from outside carries on.
 */
public final class CosineAnnealingLR extends LRScheduler {
    private final int tMax;
    private final double etaMin;

    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        super(optimizer);
        if (tMax <= 0) {
            throw new IllegalArgumentException("CosineAnnealingLR: T_max must be >= 1, got " + tMax);
        }
        this.tMax = tMax;
        this.etaMin = etaMin;
    }

    /** η_min = 0. */
    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0.0);
    }

    @Override
    protected double nextLr(double currentLr, int epoch) {
        if (Math.floorMod(epoch - 1 - tMax, 2 * tMax) == 0) {
            return currentLr + (baseLr() - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
        }
        return (1 + Math.cos(Math.PI * epoch / tMax)) / (1 + Math.cos(Math.PI * (epoch - 1) / tMax))
                * (currentLr - etaMin) + etaMin;
    }

    @Override
    public double closedFormLr(int epoch) {
        return etaMin + (baseLr() - etaMin) * (1 + Math.cos(Math.PI * epoch / tMax)) / 2;
    }
}
