package org.rnn4j.tensor;

import java.util.Arrays;

/**
 * An opt-in arena for the arrays of one training step, so that a loop of identical steps stops
 * allocating once warmed up: op outputs, layer outputs, tensors saved for backward, intermediate
 * gradients and scratch buffers are taken from it while a {@link Step} is open on the thread, and
 * all of them are recycled when the step closes.
 *
 * <pre>{@code
 * Workspace ws = new Workspace();                // one per training loop, kept across steps
 * for (...) {
 *     try (Workspace.Step step = ws.open()) {    // this thread's ops now draw from ws
 *         optimizer.zeroGrad();
 *         Var loss = lossFn.forward(model.forward(x), y);
 *         loss.backward();
 *         optimizer.step();
 *         total += loss.value().item();          // read what you need inside the step
 *     }                                          // every tensor made in the step is released
 * }
 * }</pre>
 *
 * <p>Safety: a tensor made inside a step remembers it; once the step is closed, reading it
 * ({@link Tensor#data()}, {@code item()}, {@code copy()}, …) throws IllegalStateException instead of
 * returning numbers of a later step, and {@code backward()} through a graph recorded in a closed step
 * throws (PyTorch frees saved tensors after backward the same way). Copy what must outlive the step
 * ({@link Tensor#copy()} inside it). Parameters, their gradients and optimizer state are never taken
 * from a workspace, nor is anything made while no step is open: without a step everything is as if
 * this class did not exist. Arrays handed out again are zero-filled, as a new array would be, so results
 * are bitwise the same with or without a workspace.
 *
 * <p>One step at a time per workspace; steps of different workspaces nest and close in reverse order.
 * A workspace holds the arrays of its last step (about the step's peak memory) until it is garbage.
 */
public final class Workspace {
    private static final ThreadLocal<Step> CURRENT = new ThreadLocal<>();

    private final ArrayPool<float[]> floats = new ArrayPool<>(float[]::new, a -> a.length, a -> Arrays.fill(a, 0f));
    private final ArrayPool<int[]> ints = new ArrayPool<>(int[]::new, a -> a.length, a -> Arrays.fill(a, 0));
    private Step open;

    /** An empty workspace: its pools fill as steps ask for arrays. */
    public Workspace() {
    }

    /** Opens a step on the calling thread: until it is closed, ops on this thread take their arrays here. */
    public Step open() {
        if (open != null) {
            throw new IllegalStateException("workspace: a step is already open (close it before opening the next)");
        }
        open = new Step(this, CURRENT.get());
        CURRENT.set(open);
        return open;
    }

    /** Arrays held for the next step (diagnostics). */
    public int heldArrays() {
        return floats.held() + ints.held();
    }

    /** A zeroed {@code float[n]}: from the step open on this thread, else a new array. */
    public static float[] floats(int n) {
        Step s = CURRENT.get();
        return s == null ? new float[n] : s.owner.floats.take(n);
    }

    /**
     * A {@code float[n]} for a caller that writes every element before it reads any: from the step
     * open on this thread without clearing (a reused array holds the last step's values), else a new
     * array. Saves the zeroing pass over large buffers that are overwritten anyway (a layer's gate
     * pre-activations, its gate gradients).
     */
    public static float[] scratchFloats(int n) {
        Step s = CURRENT.get();
        return s == null ? new float[n] : s.owner.floats.take(n, false);
    }

    /** A zeroed {@code int[n]}: from the step open on this thread, else a new array. */
    public static int[] ints(int n) {
        Step s = CURRENT.get();
        return s == null ? new int[n] : s.owner.ints.take(n);
    }

    /** A zero tensor: from the step open on this thread (released when it closes), else {@link Tensor#zeros}. */
    public static Tensor zeros(Shape shape) {
        Step s = CURRENT.get();
        return s == null ? Tensor.zeros(shape) : Tensor.inStep(shape, s.owner.floats.take(shape.size()), s);
    }

    public static Tensor zeros(int... dims) {
        return zeros(Shape.of(dims));
    }

    /** A tensor filled with {@code v}, from the open step like {@link #zeros(Shape)}. */
    public static Tensor full(Shape shape, float v) {
        Tensor t = zeros(shape);
        if (v != 0f) {
            t.fill(v);
        }
        return t;
    }

    /** The step of a training loop: closing it recycles every array taken in it. */
    public static final class Step implements AutoCloseable {
        private Workspace owner; // null once closed
        private final Step outer;

        private Step(Workspace owner, Step outer) {
            this.owner = owner;
            this.outer = outer;
        }

        /** False once closed: tensors made in the step can no longer be read. */
        public boolean isOpen() {
            return owner != null;
        }

        /** Releases every tensor and array of the step; closing twice does nothing. */
        @Override
        public void close() {
            if (owner == null) {
                return;
            }
            if (CURRENT.get() != this) {
                throw new IllegalStateException("workspace: steps must be closed on the thread that opened them, "
                        + "innermost first");
            }
            CURRENT.set(outer); // not remove(): set keeps the thread's map entry, so the next open allocates nothing
            Workspace w = owner;
            owner = null;
            w.open = null;
            w.floats.recycle();
            w.ints.recycle();
        }
    }
}
