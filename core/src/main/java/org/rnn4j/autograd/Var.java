package org.rnn4j.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/**
 * A tensor in a computation graph: its value, a lazily allocated gradient, the inputs it was
 * computed from and the rule that sends its gradient back to them (reverse-mode autograd).
 *
 * <p>{@link #backward()} visits the graph in an iterative topological order, so unrolled
 * recurrent graphs of any depth never overflow the stack. Gradients accumulate ({@code +=}) into
 * leaves until {@link #zeroGrad()}; gradients of intermediate nodes are released once used.
 */
public class Var {
    private static final Var[] NO_INPUTS = new Var[0];

    private final Tensor value;
    private boolean requiresGrad; // changes only on leaves, see setLeafRequiresGrad
    private final Var[] inputs;
    private final Backward backward;
    private final String op;
    private Tensor grad;

    /** A leaf (a constant, or a parameter when {@code requiresGrad}). */
    protected Var(Tensor value, boolean requiresGrad) {
        this(value, requiresGrad, NO_INPUTS, null, "leaf");
    }

    private Var(Tensor value, boolean requiresGrad, Var[] inputs, Backward backward, String op) {
        this.value = value;
        this.requiresGrad = requiresGrad;
        this.inputs = inputs;
        this.backward = backward;
        this.op = op;
    }

    /** A leaf that collects a gradient (e.g. an input whose gradient is wanted). */
    public static Var param(Tensor value) {
        return new Var(value, true);
    }

    /** A leaf without gradient. */
    public static Var constant(Tensor value) {
        return new Var(value, false);
    }

    /**
     * The result of an operation. Records {@code backward} and the inputs only when gradient mode is
     * on and some input requires a gradient; otherwise returns a constant (no graph).
     */
    public static Var of(String op, Tensor value, Backward backward, Var... inputs) {
        if (!GradMode.isEnabled()) {
            return new Var(value, false, NO_INPUTS, null, op);
        }
        for (Var in : inputs) {
            if (in.requiresGrad) {
                return new Var(value, true, inputs.clone(), backward, op);
            }
        }
        return new Var(value, false, NO_INPUTS, null, op);
    }

    public Tensor value() {
        return value;
    }

    public Shape shape() {
        return value.shape();
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /**
     * Turns gradient collection of a leaf on or off (PyTorch's {@code requires_grad_()}); turning it off
     * drops the gradient. Later operations on it record no graph through it.
     */
    protected final void setLeafRequiresGrad(boolean on) {
        if (backward != null) {
            throw new IllegalStateException("requires_grad can only be changed on leaves, not on the result of " + op);
        }
        requiresGrad = on;
        if (!on) {
            grad = null;
        }
    }

    public boolean isLeaf() {
        return backward == null;
    }

    /** The name of the operation that produced this value ("leaf" for leaves). */
    public String op() {
        return op;
    }

    /** The accumulated gradient, or {@code null} if none has reached this variable yet. */
    public Tensor grad() {
        return grad;
    }

    /**
     * The gradient buffer, allocated as zeros on first use. Backward rules add into it. Calling it
     * on a variable that does not require a gradient is a programming error. The gradient of an
     * intermediate node (dropped once used) comes from the open {@link Workspace} step, if any; a
     * leaf's gradient is always owned.
     */
    public Tensor gradBuffer() {
        if (!requiresGrad) {
            throw new IllegalStateException("gradBuffer: " + op + " does not require a gradient");
        }
        if (grad == null) {
            grad = backward == null ? Tensor.zeros(value.shape()) : Workspace.zeros(value.shape());
        }
        return grad;
    }

    /** Sets the gradient to zero (keeping the buffer) — the optimizer's {@code zero_grad(set_to_none=False)}. */
    public void zeroGrad() {
        if (grad != null) {
            grad.fill(0f);
        }
    }

    /** Drops the gradient buffer ({@code set_to_none=True}). */
    public void clearGrad() {
        grad = null;
    }

    /** The same value cut from the graph: no gradient flows through the result. */
    public Var detach() {
        return new Var(value, false, NO_INPUTS, null, "detach");
    }

    /** Backpropagates from a one-element variable (seed gradient 1). */
    public void backward() {
        if (value.size() != 1) {
            throw new IllegalArgumentException(
                    "backward: output of shape " + value.shape() + " is not a scalar; pass a seed gradient");
        }
        backward(Workspace.full(value.shape(), 1f));
    }

    /** Backpropagates {@code seed} (d loss / d this) through the graph. */
    public void backward(Tensor seed) {
        if (!seed.shape().equals(value.shape())) {
            throw new IllegalArgumentException(
                    "backward: seed of shape " + seed.shape() + " does not match output " + value.shape());
        }
        if (!requiresGrad) {
            throw new IllegalStateException("backward: " + op + " does not require a gradient (no graph was recorded)");
        }
        List<Var> order = topologicalOrder(this);
        for (int i = 0; i < order.size(); i++) { // before any gradient moves: a refused backward changes nothing
            Var v = order.get(i);
            if (v.backward != null && v.value.isReleased()) {
                throw new IllegalStateException("backward: " + v.op + " was recorded in a workspace step that has been "
                        + "closed, and the tensors it saved for backward now hold a later step's values; call "
                        + "backward() before the step ends (like PyTorch's \"Trying to backward through the graph a "
                        + "second time\" once saved tensors are freed)");
            }
        }
        Kernels.elementwise().axpy(seed.size(), 1f, seed.data(), 0, gradBuffer().data(), 0);
        // order lists inputs before their consumers; walk it from the output back.
        for (int i = order.size() - 1; i >= 0; i--) {
            Var v = order.get(i);
            if (v.backward == null) {
                continue;
            }
            Tensor g = v.grad;
            if (g != null) {
                v.backward.apply(g);
            }
            v.grad = null; // intermediate gradients are not retained
        }
    }

    /** Post-order DFS with an explicit stack: every node appears after all of its inputs. */
    private static List<Var> topologicalOrder(Var root) {
        List<Var> order = new ArrayList<>();
        Map<Var, Boolean> state = new IdentityHashMap<>(); // false = on stack, true = done
        ArrayDeque<Var> stack = new ArrayDeque<>();
        ArrayDeque<Integer> next = new ArrayDeque<>();
        stack.push(root);
        next.push(0);
        state.put(root, Boolean.FALSE);
        while (!stack.isEmpty()) {
            Var v = stack.peek();
            int k = next.pop();
            if (k < v.inputs.length) {
                next.push(k + 1);
                Var in = v.inputs[k];
                if (in.requiresGrad && !state.containsKey(in)) {
                    state.put(in, Boolean.FALSE);
                    stack.push(in);
                    next.push(0);
                }
            } else {
                stack.pop();
                state.put(v, Boolean.TRUE);
                order.add(v);
            }
        }
        return order;
    }

    @Override
    public String toString() {
        return "Var(" + op + ", " + value + (requiresGrad ? ", requires_grad" : "") + ")";
    }
}
