package org.rnn4j.tensor;

import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * The arrays of one kind ({@code float[]} or {@code int[]}) a {@link Workspace} hands out: those of the
 * last step, kept in the order they were taken, and those taken in the current step.
 *
 * <p>A step of a training loop asks for the same sizes in the same order every time, so the request
 * at position i of a step is normally served by the array that served position i of the last one
 * (checked by length); otherwise the first free array of that exact length, otherwise a new array.
 * Arrays the last step used and this one did not are dropped at {@link #recycle}, so the pool never
 * holds more than one step's worth. Not thread-safe: a workspace belongs to the thread that opened it.
 */
final class ArrayPool<A> {
    private final IntFunction<A> create;
    private final ToIntFunction<A> length;
    private final Zeroing<A> zero;
    private Object[] free = new Object[64]; // the last step's arrays; null once taken
    private int freeCount;
    private int cursor;                     // where the last step's order says the next request is
    private Object[] used = new Object[64]; // this step's arrays, in order
    private int usedCount;

    /** Clears an array handed out again (callers rely on fresh arrays being zero). */
    interface Zeroing<A> {
        void zero(A array);
    }

    ArrayPool(IntFunction<A> create, ToIntFunction<A> length, Zeroing<A> zero) {
        this.create = create;
        this.length = length;
        this.zero = zero;
    }

    /** A zeroed array of length n, kept by this pool until the end of the step. */
    A take(int n) {
        return take(n, true);
    }

    /**
     * An array of length n, kept by this pool until the end of the step: zeroed when {@code clear},
     * else a reused array keeps the values the last step left in it.
     */
    A take(int n, boolean clear) {
        A a = takeFree(n);
        if (a == null) {
            a = create.apply(n);
        } else if (clear) {
            zero.zero(a);
        }
        if (usedCount == used.length) {
            used = Arrays.copyOf(used, 2 * usedCount);
        }
        used[usedCount++] = a;
        return a;
    }

    @SuppressWarnings("unchecked")
    private A takeFree(int n) {
        if (cursor < freeCount && free[cursor] != null && length.applyAsInt((A) free[cursor]) == n) {
            A a = (A) free[cursor];
            free[cursor++] = null;
            return a;
        }
        for (int i = 0; i < freeCount; i++) {
            if (free[i] != null && length.applyAsInt((A) free[i]) == n) {
                A a = (A) free[i];
                free[i] = null;
                return a;
            }
        }
        return null;
    }

    /** End of a step: its arrays serve the next one; the last step's arrays not taken again are dropped. */
    void recycle() {
        Object[] last = free;
        Arrays.fill(last, 0, freeCount, null);
        free = used;
        freeCount = usedCount;
        used = last.length >= usedCount ? last : new Object[free.length];
        usedCount = 0;
        cursor = 0;
    }

    /** Arrays held for the next step (tests and diagnostics). */
    int held() {
        return freeCount;
    }
}
