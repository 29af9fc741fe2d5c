package org.rnn4j.nn.recurrent;

import java.util.Arrays;
import java.util.Objects;
import org.rnn4j.autograd.Var;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/**
 * A differentiable rearrangement: the output is assembled from contiguous blocks of the inputs' data
 * (transposes, concatenation along features, gathers by index, packing and padding); elements no block
 * writes hold a constant {@code fill}, which gets no gradient. Backward adds each block of the output
 * gradient back into its source. Adjacent blocks are merged, so a plain copy is one block.
 */
final class BlockCopy {
    private final Var[] inputs;
    private int[] src = new int[16];
    private int[] srcOff = new int[16];
    private int[] dstOff = new int[16];
    private int[] len = new int[16];
    private int count;

    BlockCopy(Var... inputs) {
        for (Var v : inputs) {
            Objects.requireNonNull(v, "BlockCopy input");
        }
        this.inputs = inputs.clone();
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
            int n = count * 2;
            src = Arrays.copyOf(src, n);
            srcOff = Arrays.copyOf(srcOff, n);
            dstOff = Arrays.copyOf(dstOff, n);
            len = Arrays.copyOf(len, n);
        }
        src[count] = input;
        srcOff[count] = from;
        dstOff[count] = to;
        len[count] = length;
        count++;
        return this;
    }

    /** Builds the output node of shape {@code shape}. */
    Var build(String op, Shape shape, float fill) {
        Tensor out = Tensor.zeros(shape);
        if (fill != 0f) {
            out.fill(fill);
        }
        float[] o = out.data();
        for (int i = 0; i < count; i++) {
            System.arraycopy(inputs[src[i]].value().data(), srcOff[i], o, dstOff[i], len[i]);
        }
        int n = count;
        int[] s = Arrays.copyOf(src, n);
        int[] so = Arrays.copyOf(srcOff, n);
        int[] d = Arrays.copyOf(dstOff, n);
        int[] l = Arrays.copyOf(len, n);
        Var[] in = inputs;
        return Var.of(op, out, g -> {
            Kernels k = Kernels.get();
            float[] gd = g.data();
            float[][] targets = new float[in.length][];
            for (int j = 0; j < in.length; j++) {
                targets[j] = in[j].requiresGrad() ? in[j].gradBuffer().data() : null;
            }
            for (int i = 0; i < n; i++) {
                float[] t = targets[s[i]];
                if (t != null) {
                    k.axpy(l[i], 1f, gd, d[i], t, so[i]);
                }
            }
        }, in);
    }
}
