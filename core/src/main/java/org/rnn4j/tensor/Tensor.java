package org.rnn4j.tensor;

import java.util.Arrays;
import org.rnn4j.rand.Rng;

/**
 * A dense float32 tensor: a {@link Shape} and a contiguous row-major {@code float[]} it owns.
 *
 * <p>No element maths lives here beyond fill and copy; arithmetic goes through
 * {@link org.rnn4j.kernel.Kernels}. The array is exposed ({@link #data()}) because kernels work
 * on arrays and offsets; callers that share it must not resize or alias it behind the owner's back.
 *
 * <p>A tensor made while a {@link Workspace.Step} is open (an op's output in a training step that uses a
 * workspace) borrows its array from that step: once the step is closed every read throws
 * IllegalStateException, because the array already holds a later step's numbers.
 */
public final class Tensor {
    private final Shape shape;
    private final float[] data;
    private final Workspace.Step step; // the step the array is borrowed from, or null: owned

    private Tensor(Shape shape, float[] data) {
        this(shape, data, null);
    }

    private Tensor(Shape shape, float[] data, Workspace.Step step) {
        if (data.length != shape.size()) {
            throw new IllegalArgumentException(
                    "tensor: shape " + shape + " needs " + shape.size() + " elements, got " + data.length);
        }
        this.shape = shape;
        this.data = data;
        this.step = step;
    }

    /** A tensor on an array borrowed from {@code step} (see {@link Workspace#zeros(Shape)}). */
    static Tensor inStep(Shape shape, float[] data, Workspace.Step step) {
        return new Tensor(shape, data, step);
    }

    /** Wraps {@code data} without copying. */
    public static Tensor wrap(Shape shape, float[] data) {
        return new Tensor(shape, data);
    }

    /** Copies {@code data}. */
    public static Tensor of(Shape shape, float... data) {
        return new Tensor(shape, data.clone());
    }

    /** A 1-D tensor holding a copy of {@code data}. */
    public static Tensor vector(float... data) {
        return new Tensor(Shape.of(data.length), data.clone());
    }

    /** A 0-dimensional tensor holding {@code v}. */
    public static Tensor scalar(float v) {
        return new Tensor(Shape.scalar(), new float[] {v});
    }

    /** Zeros of {@code shape}, like {@code torch.zeros}. */
    public static Tensor zeros(Shape shape) {
        return new Tensor(shape, new float[shape.size()]);
    }

    /** Zeros of shape {@code dims}, like {@code torch.zeros(*dims)}. */
    public static Tensor zeros(int... dims) {
        return zeros(Shape.of(dims));
    }

    /** {@code v} everywhere, like {@code torch.full}. */
    public static Tensor full(Shape shape, float v) {
        float[] d = new float[shape.size()];
        Arrays.fill(d, v);
        return new Tensor(shape, d);
    }

    /** Ones of {@code shape}, like {@code torch.ones}. */
    public static Tensor ones(Shape shape) {
        return full(shape, 1f);
    }

    /**
     * Samples of the standard normal N(0, 1) drawn from {@code rng}, like {@code torch.randn}: the
     * same seed gives the same tensor (not the same numbers as PyTorch's generator).
     */
    public static Tensor randn(Rng rng, int... dims) {
        Shape shape = Shape.of(dims);
        float[] d = new float[shape.size()];
        rng.fillNormal(d, 0f, 1f);
        return new Tensor(shape, d);
    }

    /**
     * Samples of the uniform distribution on [0, 1) drawn from {@code rng}, like {@code torch.rand}:
     * multiples of 2<sup>-24</sup>, so 1 is never drawn after rounding to float.
     */
    public static Tensor rand(Rng rng, int... dims) {
        Shape shape = Shape.of(dims);
        float[] d = new float[shape.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextInt(1 << 24) * 0x1.0p-24f;
        }
        return new Tensor(shape, d);
    }

    /** The shape. */
    public Shape shape() {
        return shape;
    }

    /** A copy of the dimensions, outermost first. */
    public int[] dims() {
        return shape.dims();
    }

    /** The number of dimensions (0 for a scalar). */
    public int rank() {
        return shape.rank();
    }

    /** The size of dimension {@code i}. */
    public int dim(int i) {
        return shape.dim(i);
    }

    /** The number of elements. */
    public int size() {
        return data.length;
    }

    /** The backing array (row-major). Throws IllegalStateException once the tensor is {@link #isReleased released}. */
    public float[] data() {
        if (step != null && !step.isOpen()) {
            throw new IllegalStateException("tensor " + shape + " was made in a workspace step that has been closed: "
                    + "its memory now holds a later step's values (copy() what you need before the step ends)");
        }
        return data;
    }

    /** Whether this tensor was made in a workspace step that has been closed, so it can no longer be read. */
    public boolean isReleased() {
        return step != null && !step.isOpen();
    }

    /** The element at {@code index} (one index per dimension). */
    public float get(int... index) {
        return data()[offset(index)];
    }

    /** Writes {@code v} at {@code index} (one index per dimension). */
    public void set(float v, int... index) {
        data()[offset(index)] = v;
    }

    /** The single value of a one-element tensor. */
    public float item() {
        if (data.length != 1) {
            throw new IllegalArgumentException("item: tensor of shape " + shape + " has " + data.length + " elements");
        }
        return data()[0];
    }

    /** An owned copy (never borrowed from a workspace): what may outlive a workspace step. */
    public Tensor copy() {
        return new Tensor(shape, data().clone());
    }

    /** Same data, new shape with the same element count (no copy). */
    public Tensor view(Shape newShape) {
        if (newShape.size() != data.length) {
            throw new IllegalArgumentException("view: cannot view " + shape + " as " + newShape);
        }
        return new Tensor(newShape, data(), step);
    }

    /** The same data seen with shape {@code dims} (same number of elements), like {@code Tensor.view}. */
    public Tensor view(int... dims) {
        return view(Shape.of(dims));
    }

    /** Sets every element to {@code v}. */
    public void fill(float v) {
        Arrays.fill(data(), v);
    }

    /** Copies the elements of {@code src}, which must have the same shape. */
    public void copyFrom(Tensor src) {
        if (!src.shape.equals(shape)) {
            throw new IllegalArgumentException("copyFrom: shape " + src.shape + " does not match " + shape);
        }
        System.arraycopy(src.data(), 0, data(), 0, data.length);
    }

    private int offset(int[] index) {
        int[] dims = shape.dims();
        if (index.length != dims.length) {
            throw new IllegalArgumentException("index " + Arrays.toString(index) + " has rank " + index.length
                    + ", tensor has shape " + shape);
        }
        int off = 0;
        for (int i = 0; i < dims.length; i++) {
            if (index[i] < 0 || index[i] >= dims[i]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " outside shape " + shape);
            }
            off = off * dims[i] + index[i];
        }
        return off;
    }

    @Override
    public String toString() {
        if (isReleased()) {
            return "Tensor" + shape + " [released with its workspace step]";
        }
        int n = Math.min(data.length, 8);
        StringBuilder sb = new StringBuilder("Tensor").append(shape).append(" [");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append(data[i]);
        }
        return sb.append(data.length > n ? ", ...]" : "]").toString();
    }
}
