package org.rnn4j.optim;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.rnn4j.tensor.Tensor;

/**
 * A snapshot of an optimizer, like {@code optimizer.state_dict()}: which optimizer, its
 * hyper-parameters (learning rate included), the step count of every parameter (in the order the
 * optimizer was given them) and its named buffers, keyed {@code "<parameter index>.<buffer name>"}
 * with PyTorch's buffer names, e.g. {@code "0.exp_avg"}, {@code "1.momentum_buffer"}.
 *
 * <p>Tensors are copied in, so a snapshot does not change when training continues. The buffers map
 * is ready for a tensor file (safetensors), the rest for JSON.
 */
public record OptimizerState(String optimizer, OptimizerOptions options, long[] steps, Map<String, Tensor> buffers) {

    public OptimizerState {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(options, "options");
        steps = steps.clone();
        Map<String, Tensor> copy = new LinkedHashMap<>();
        buffers.forEach((k, v) -> copy.put(k, v.copy()));
        buffers = Collections.unmodifiableMap(copy);
    }

    /** The key of buffer {@code name} of parameter {@code index}. */
    public static String key(int index, String name) {
        return index + "." + name;
    }

    @Override
    public long[] steps() {
        return steps.clone();
    }

    /** Deep equality: same optimizer, options, steps and buffers (names, shapes and exact values). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OptimizerState s) || !optimizer.equals(s.optimizer) || !options.equals(s.options)
                || !Arrays.equals(steps, s.steps) || !buffers.keySet().equals(s.buffers.keySet())) {
            return false;
        }
        for (Map.Entry<String, Tensor> e : buffers.entrySet()) {
            Tensor other = s.buffers.get(e.getKey());
            if (!e.getValue().shape().equals(other.shape()) || !Arrays.equals(e.getValue().data(), other.data())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(optimizer, options, Arrays.hashCode(steps), buffers.keySet());
    }
}
