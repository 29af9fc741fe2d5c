package org.rnn4j.io.torch;

import java.util.List;

/**
 * The values {@link Unpickler} builds besides strings, numbers, booleans, lists ({@code ArrayList})
 * and dicts ({@code LinkedHashMap}, also for {@code OrderedDict}). None of them runs code: a global
 * is only a name, a tensor only a view onto a storage that is read later.
 */
final class Pickled {
    private Pickled() {
    }

    /** Python's {@code None}. */
    enum None { NONE }

    /** A {@code GLOBAL} that passed the allowlist: a name, never a loaded class. */
    record Global(String module, String name) {
        String dotted() {
            return module + "." + name;
        }
    }

    /** An immutable tuple. */
    record Tuple(List<Object> items) {
        Tuple {
            items = List.copyOf(items);
        }
    }

    /** A storage named by a persistent id: {@code ('storage', torch.FloatStorage, key, location, numel)}. */
    record Storage(StorageType type, String key, long numel) {
    }

    /**
     * {@code torch._utils._rebuild_tensor_v2(storage, storage_offset, size, stride, …)}: element
     * {@code (i0, i1, …)} is storage element {@code offset + Σ ik·stride[k]}.
     */
    record TensorView(Storage storage, long offset, long[] size, long[] stride) {
    }
}
