package io.github.autograd4j.nn.io;

import io.github.autograd4j.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a safetensors file holds: its tensors by name and its {@code __metadata__} strings, both
 * in the order of the file's header and unmodifiable.
 *
 * @param tensors  the tensors by name (leaves that do not require grad)
 * @param metadata the metadata strings (empty when the file has none)
 */
public record SafeTensorsFile(Map<String, Tensor> tensors, Map<String, String> metadata) {

    /**
     * Copies both maps, keeping their order.
     *
     * @param tensors  the tensors by name (leaves that do not require grad)
     * @param metadata the metadata strings (empty when the file has none)
     */
    public SafeTensorsFile {
        tensors = frozen(tensors, "tensors");
        metadata = frozen(metadata, "metadata");
    }

    /** An unmodifiable copy of {@code map} in its order. */
    static <V> Map<String, V> frozen(Map<String, V> map, String what) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(map, what + " are null")));
    }
}
