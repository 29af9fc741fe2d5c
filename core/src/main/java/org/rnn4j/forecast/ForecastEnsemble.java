package org.rnn4j.forecast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.rnn4j.autograd.GradMode;
import org.rnn4j.autograd.Var;
import org.rnn4j.nn.Module;
import org.rnn4j.tensor.Tensor;

/**
 * Several {@link ForecastNetwork}s whose forecasts are averaged. Parameter names follow a PyTorch
 * {@code nn.ModuleList} called {@code members}: {@code members.0.rnn.weight_ih_l0}, {@code members.0.head.weight}, …
 */
public final class ForecastEnsemble extends Module {
    private final List<ForecastNetwork> members;

    public ForecastEnsemble(List<ForecastNetwork> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("forecast ensemble: needs at least one member");
        }
        this.members = Collections.unmodifiableList(new ArrayList<>(members));
        registerModule("members", new MemberList(this.members));
        eval();
    }

    /** PyTorch's {@code nn.ModuleList}: children named 0, 1, … */
    private static final class MemberList extends Module {
        MemberList(List<ForecastNetwork> nets) {
            for (int i = 0; i < nets.size(); i++) {
                registerModule(Integer.toString(i), nets.get(i));
            }
        }
    }

    public List<ForecastNetwork> members() {
        return members;
    }

    /** The members' mean output for one normalised window x [1, W, F]: [horizon], without building a graph. */
    @SuppressWarnings("try") // the resource is a scope (workspace step, grad mode), never referenced
    public double[] predict(Tensor x) {
        double[] mean = null;
        try (var off = GradMode.disabled()) {
            for (ForecastNetwork m : members) {
                float[] y = m.forward(Var.constant(x)).value().data(); // [1, H]
                if (mean == null) {
                    mean = new double[y.length];
                }
                for (int k = 0; k < y.length; k++) {
                    mean[k] += y[k];
                }
            }
        }
        for (int k = 0; k < mean.length; k++) {
            mean[k] /= members.size();
        }
        return mean;
    }
}
