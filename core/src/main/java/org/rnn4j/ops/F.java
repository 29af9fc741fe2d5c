package org.rnn4j.ops;

import java.util.List;
import java.util.OptionalInt;
import org.rnn4j.autograd.Var;
import org.rnn4j.rand.Rng;
import org.rnn4j.tensor.IntTensor;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/**
 * One static facade over every differentiable op, for {@code import static org.rnn4j.ops.F.*}:
 * <pre>{@code
 * Var h = tanh(add(matmul(x, w), b));
 * Var p = softmax(h, -1);
 * }</pre>
 * Each method delegates to its family class ({@link MatrixOps}, {@link Arithmetic},
 * {@link Activations}, {@link Reductions}, {@link ShapeOps}, {@link IndexOps}, {@link DropoutOp}).
 */
public final class F {
    private F() {
    }

    // ---------------------------------------------------------------- matrix
    public static Var matmul(Var a, Var b) { return MatrixOps.matmul(a, b); }
    public static Var linear(Var x, Var weight, Var bias) { return MatrixOps.linear(x, weight, bias); }

    // ---------------------------------------------------------------- arithmetic (broadcasting)
    public static Var add(Var a, Var b) { return Arithmetic.add(a, b); }
    public static Var sub(Var a, Var b) { return Arithmetic.sub(a, b); }
    public static Var mul(Var a, Var b) { return Arithmetic.mul(a, b); }
    public static Var div(Var a, Var b) { return Arithmetic.div(a, b); }
    public static Var add(Var x, float s) { return Arithmetic.add(x, s); }
    public static Var sub(Var x, float s) { return Arithmetic.sub(x, s); }
    public static Var mul(Var x, float s) { return Arithmetic.mul(x, s); }
    public static Var div(Var x, float s) { return Arithmetic.div(x, s); }
    public static Var rsub(float s, Var x) { return Arithmetic.rsub(s, x); }

    // ---------------------------------------------------------------- activations
    public static Var neg(Var x) { return Activations.neg(x); }
    public static Var exp(Var x) { return Activations.exp(x); }
    public static Var log(Var x) { return Activations.log(x); }
    public static Var tanh(Var x) { return Activations.tanh(x); }
    public static Var sigmoid(Var x) { return Activations.sigmoid(x); }
    public static Var relu(Var x) { return Activations.relu(x); }
    public static Var softmax(Var x, int dim) { return Activations.softmax(x, dim); }
    public static Var logSoftmax(Var x, int dim) { return Activations.logSoftmax(x, dim); }

    // ---------------------------------------------------------------- reductions
    public static Var sum(Var x) { return Reductions.sum(x); }
    public static Var sum(Var x, int dim) { return Reductions.sum(x, dim); }
    public static Var sum(Var x, int dim, boolean keepdim) { return Reductions.sum(x, dim, keepdim); }
    public static Var mean(Var x) { return Reductions.mean(x); }
    public static Var mean(Var x, int dim) { return Reductions.mean(x, dim); }
    public static Var mean(Var x, int dim, boolean keepdim) { return Reductions.mean(x, dim, keepdim); }

    // ---------------------------------------------------------------- shape
    public static Var reshape(Var x, int... dims) { return ShapeOps.reshape(x, dims); }
    public static Var unsqueeze(Var x, int dim) { return ShapeOps.unsqueeze(x, dim); }
    public static Var squeeze(Var x, int dim) { return ShapeOps.squeeze(x, dim); }
    public static Var transpose(Var x, int d0, int d1) { return ShapeOps.transpose(x, d0, d1); }
    public static Var permute(Var x, int... dims) { return ShapeOps.permute(x, dims); }
    public static Var narrow(Var x, int dim, int start, int length) { return ShapeOps.narrow(x, dim, start, length); }
    public static Var select(Var x, int dim, int index) { return ShapeOps.select(x, dim, index); }
    public static List<Var> split(Var x, int splitSize, int dim) { return ShapeOps.split(x, splitSize, dim); }
    public static List<Var> split(Var x, int[] sizes, int dim) { return ShapeOps.split(x, sizes, dim); }
    public static List<Var> chunk(Var x, int chunks, int dim) { return ShapeOps.chunk(x, chunks, dim); }
    public static Var cat(List<Var> xs, int dim) { return ShapeOps.cat(xs, dim); }
    public static Var stack(List<Var> xs, int dim) { return ShapeOps.stack(xs, dim); }

    // ---------------------------------------------------------------- indexing
    public static Var indexSelect(Var x, int dim, int[] indices) { return IndexOps.indexSelect(x, dim, indices); }
    public static Var gather(Var x, int dim, IntTensor index) { return IndexOps.gather(x, dim, index); }
    /** Embedding lookup without padding row. */
    public static Var embedding(IntTensor indices, Var weight) { return IndexOps.embedding(indices, weight, OptionalInt.empty()); }
    /** Embedding lookup; row {@code paddingIdx} (negative counts from the end) gets no gradient. */
    public static Var embedding(IntTensor indices, Var weight, int paddingIdx) { return IndexOps.embedding(indices, weight, OptionalInt.of(paddingIdx)); }
    public static Var maskedFill(Var x, boolean[] mask, float value) { return IndexOps.maskedFill(x, mask, value); }
    public static Var maskedFill(Var x, Shape maskShape, boolean[] mask, float value) { return IndexOps.maskedFill(x, maskShape, mask, value); }
    public static Var maskedFill(Var x, Tensor mask, float value) { return IndexOps.maskedFill(x, mask, value); }

    // ---------------------------------------------------------------- dropout
    public static Var dropout(Var x, double p, boolean training, Rng rng) { return DropoutOp.dropout(x, p, training, rng); }
}
