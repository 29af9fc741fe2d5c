package org.rnn4j.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.rnn4j.tensor.Shape;
import org.rnn4j.tensor.Tensor;

/** A child JVM for {@link ModelCommitTest}: saves a model folder whose weights and config both carry {@code tag}. */
public final class SaveChild {
    private SaveChild() {
    }

    public static void main(String[] args) throws Exception {
        float tag = Float.parseFloat(args[1]);
        ModelDirectory.save(Path.of(args[0]), Map.of("w", Tensor.of(Shape.of(1), tag)),
                new ObjectMapper().createObjectNode().put("tag", tag));
    }
}
