package org.rnn4j.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rnn4j.nn.Parameter;
import org.rnn4j.tensor.Tensor;

/**
 * A first-order optimizer over a fixed list of parameters, with {@code torch.optim} semantics
 * (one parameter group). {@link #step()} updates every trainable parameter that has a gradient
 * in place; frozen parameters and parameters without a gradient (PyTorch's {@code grad is None})
 * are skipped and keep their state. Each parameter has its own step count, starting at 1 on its
 * first update, and lazily created buffers with PyTorch's names ({@code exp_avg}, ...).
 */
public abstract class Optimizer {
    private final String name;
    private final List<Parameter> params;
    private final long[] steps;
    private final List<Map<String, Tensor>> buffers;

    protected Optimizer(String name, List<? extends Parameter> params) {
        this.name = name;
        if (params == null || params.isEmpty()) {
            throw new IllegalArgumentException(name + ": optimizer got an empty parameter list");
        }
        Set<Parameter> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            if (p == null) {
                throw new IllegalArgumentException(name + ": parameter " + i + " is null");
            }
            if (!seen.add(p)) {
                throw new IllegalArgumentException(name + ": parameter " + i + " appears more than once");
            }
        }
        this.params = List.copyOf(params);
        this.steps = new long[params.size()];
        this.buffers = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            buffers.add(new LinkedHashMap<>());
        }
    }

    /** PyTorch's class name, e.g. {@code "Adam"}. */
    public final String name() {
        return name;
    }

    /** The parameters, in the order given. */
    public final List<Parameter> params() {
        return params;
    }

    /** Zeroes every parameter's gradient, keeping the buffers ({@code zero_grad(set_to_none=False)}). */
    public final void zeroGrad() {
        params.forEach(Parameter::zeroGrad);
    }

    /** One optimization step over every trainable parameter that has a gradient. */
    public final void step() {
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            if (!p.trainable() || p.grad() == null) {
                continue;
            }
            steps[i]++;
            update(i, steps[i], p.value(), p.grad());
        }
    }

    /** Updates parameter {@code index} in place; {@code step} is its step count (1 on its first update). */
    protected abstract void update(int index, long step, Tensor param, Tensor grad);

    /** The buffers this optimizer may keep per parameter, by PyTorch's names. */
    protected abstract Set<String> bufferNames();

    /** The current hyper-parameters (the learning rate included). */
    public abstract OptimizerOptions options();

    /** Replaces the hyper-parameters; throws IllegalArgumentException for options of another optimizer. */
    protected abstract void setOptions(OptimizerOptions options);

    public final double lr() {
        return options().lr();
    }

    /** Sets the learning rate (what LR schedulers do). */
    public final void setLr(double lr) {
        OptimizerOptions.checkNonNegative(name, "learning rate", lr);
        setOptions(options().withLr(lr));
    }

    /** Whether parameter {@code index} has buffer {@code bufferName} yet. */
    protected final boolean hasBuffer(int index, String bufferName) {
        return buffers.get(index).containsKey(bufferName);
    }

    /** Buffer {@code bufferName} of parameter {@code index}, created filled with {@code initial} on first use. */
    protected final Tensor buffer(int index, String bufferName, float initial) {
        Map<String, Tensor> own = buffers.get(index);
        Tensor t = own.get(bufferName); // not computeIfAbsent: its capturing lambda would be garbage every step
        if (t == null) {
            t = Tensor.full(params.get(index).value().shape(), initial);
            own.put(bufferName, t);
        }
        return t;
    }

    /** A deep copy of the hyper-parameters, step counts and buffers. */
    public final OptimizerState state() {
        Map<String, Tensor> flat = new LinkedHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            int index = i;
            buffers.get(i).forEach((b, t) -> flat.put(OptimizerState.key(index, b), t));
        }
        return new OptimizerState(name, options(), steps, flat);
    }

    /**
     * Restores a snapshot taken by {@link #state()} of an optimizer of the same kind over parameters
     * of the same shapes: hyper-parameters, step counts and (copies of) the buffers. Validates
     * everything before changing anything.
     */
    public final void loadState(OptimizerState state) {
        String op = name + ".load_state";
        if (!state.optimizer().equals(name)) {
            throw new IllegalArgumentException(op + ": state of " + state.optimizer() + " cannot be loaded into " + name);
        }
        long[] s = state.steps();
        if (s.length != params.size()) {
            throw new IllegalArgumentException(op + ": state has " + s.length + " parameters, optimizer has " + params.size());
        }
        for (int i = 0; i < s.length; i++) {
            if (s[i] < 0) {
                throw new IllegalArgumentException(op + ": negative step count " + s[i] + " for parameter " + i);
            }
        }
        List<Map<String, Tensor>> restored = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            restored.add(new LinkedHashMap<>());
        }
        for (Map.Entry<String, Tensor> e : state.buffers().entrySet()) {
            String key = e.getKey();
            int dot = key.indexOf('.');
            int index;
            try {
                index = Integer.parseInt(dot < 0 ? "" : key.substring(0, dot));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(op + ": buffer key '" + key + "' is not <index>.<name>");
            }
            String buf = key.substring(dot + 1);
            if (index < 0 || index >= params.size()) {
                throw new IllegalArgumentException(op + ": buffer " + key + " refers to parameter " + index
                        + ", optimizer has " + params.size());
            }
            if (!bufferNames().contains(buf)) {
                throw new IllegalArgumentException(op + ": unknown buffer " + key + " (expected one of " + bufferNames() + ")");
            }
            Tensor t = e.getValue();
            if (!t.shape().equals(params.get(index).value().shape())) {
                throw new IllegalArgumentException(op + ": buffer " + key + " has shape " + t.shape() + ", parameter "
                        + index + " has shape " + params.get(index).value().shape());
            }
            restored.get(index).put(buf, t.copy());
        }
        setOptions(state.options());
        System.arraycopy(s, 0, steps, 0, s.length);
        for (int i = 0; i < params.size(); i++) {
            buffers.get(i).clear();
            buffers.get(i).putAll(restored.get(i));
        }
    }
}
