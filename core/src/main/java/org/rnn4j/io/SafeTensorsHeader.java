package org.rnn4j.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed and validated header of a safetensors file.
 *
 * @param tensors   entries in the order of their data (by {@code begin})
 * @param metadata  the {@code __metadata__} map (empty if absent)
 * @param dataStart file offset of the data section: 8 + header length
 */
public record SafeTensorsHeader(List<TensorInfo> tensors, Map<String, String> metadata, long dataStart) {

    public SafeTensorsHeader {
        tensors = List.copyOf(tensors);
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    public Optional<TensorInfo> find(String name) {
        return tensors.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** Total number of elements over all tensors. */
    public long totalCount() {
        return tensors.stream().mapToLong(TensorInfo::count).sum();
    }

    /** Size of the data section in bytes. */
    public long dataLength() {
        return tensors.isEmpty() ? 0 : tensors.get(tensors.size() - 1).end();
    }
}
