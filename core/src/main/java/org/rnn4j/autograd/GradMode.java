package org.rnn4j.autograd;

/**
 * Whether operations record a graph for backpropagation (per thread), like {@code torch.no_grad()}.
 *
 * <pre>{@code
 * try (var off = GradMode.disabled()) {
 *     Var y = model.forward(x);   // no graph is built
 * }
 * }</pre>
 */
public final class GradMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private GradMode() {
    }

    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /** Turns graph recording off until the returned scope is closed; restores the previous mode. */
    public static Scope disabled() {
        return set(false);
    }

    /** Turns graph recording on until the returned scope is closed. */
    public static Scope enabled() {
        return set(true);
    }

    private static Scope set(boolean on) {
        boolean[] flag = ENABLED.get();
        boolean previous = flag[0];
        flag[0] = on;
        return () -> flag[0] = previous;
    }

    /** A scope that restores the previous mode on close; never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
