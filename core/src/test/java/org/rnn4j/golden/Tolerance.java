package org.rnn4j.golden;

/** The comparison budgets of the golden README §3: {@code |a - e| <= atol + rtol·|e|}. */
public enum Tolerance {
    FORWARD(1e-5, 1e-6),
    GRAD(1e-4, 1e-5),
    OPTIM(1e-5, 1e-6),
    E2E_LOSS(1e-3, 1e-5),
    E2E_PARAM(1e-3, 1e-4);

    public final double rtol;
    public final double atol;

    Tolerance(double rtol, double atol) {
        this.rtol = rtol;
        this.atol = atol;
    }
}
