package org.rnn4j.nn.recurrent;

import java.util.Objects;
import org.rnn4j.autograd.Var;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.KernelSet;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.Workspace;

/**
 * A differentiable rearrangement: the output is assembled from contiguous blocks of the inputs' data
 * (transposes, concatenation along features, gathers by index, packing and padding); elements no block
 * writes hold a constant {@code fill}, which gets no gradient. Backward adds each block of the output
 * gradient back into its source. Adjacent blocks are merged, so a plain copy is one block. Built once:
 * the node keeps the block lists, which (like its value) come from the open {@link Workspace} step, if any.
 */
final class BlockCopy {
    private static final int DEFAULT_CAPACITY = 16;
    private final Var[] inputs;
    private int[] src;
    private int[] srcOff;
    private int[] dstOff;
    private int[] len;
    private int count;

    BlockCopy(Var... inputs) {
        this(DEFAULT_CAPACITY, inputs);
    }

    /** With room for {@code capacity} blocks before the lists grow (the block count, when known). */
    BlockCopy(int capacity, Var... inputs) {
        for (Var v : inputs) {
            Objects.requireNonNull(v, "BlockCopy input");
        }
        this.inputs = inputs.clone();
        int c = Math.max(1, capacity);
        src = Workspace.ints(c);
        srcOff = Workspace.ints(c);
        dstOff = Workspace.ints(c);
        len = Workspace.ints(c);
    }

    /** Copies {@code length} floats of input {@code input} from {@code from} to output offset {@code to}. */
    BlockCopy add(int input, int from, int to, int length) {
        if (length == 0) {
            return this;
        }
        int last = count - 1;
        if (last >= 0 && src[last] == input && srcOff[last] + len[last] == from && dstOff[last] + len[last] == to) {
            len[last] += length;
            return this;
        }
        if (count == src.length) {
            src = grown(src);
            srcOff = grown(srcOff);
            dstOff = grown(dstOff);
            len = grown(len);
        }
        src[count] = input;
        srcOff[count] = from;
        dstOff[count] = to;
        len[count] = length;
        count++;
        return this;
    }

    private int[] grown(int[] a) {
        int[] b = Workspace.ints(2 * a.length);
        System.arraycopy(a, 0, b, 0, count);
        return b;
    }

    /** Builds the output node of shape {@code shape}. */
    Var build(String op, Shape shape, float fill) {
        Tensor out = Workspace.zeros(shape);
        if (fill != 0f) {
            out.fill(fill);
        }
        float[] o = out.data();
        for (int i = 0; i < count; i++) {
            System.arraycopy(inputs[src[i]].value().data(), srcOff[i], o, dstOff[i], len[i]);
        }
        int n = count;
        int[] s = src;
        int[] so = srcOff;
        int[] d = dstOff;
        int[] l = len;
        Var[] in = inputs;
        return Var.of(op, out, g -> {
            KernelSet k = Kernels.get();
            float[] gd = g.data();
            for (Var v : in) {
                if (v.requiresGrad()) {
                    v.gradBuffer(); // every input that wants a gradient gets one, even without blocks
                }
            }
            for (int i = 0; i < n; i++) {
                Var v = in[s[i]];
                if (v.requiresGrad()) {
                    k.elementwise().axpy(l[i], 1f, gd, d[i], v.gradBuffer().data(), so[i]);
                }
            }
        }, in);
    }
}
