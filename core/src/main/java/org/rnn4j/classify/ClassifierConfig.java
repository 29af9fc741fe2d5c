package org.rnn4j.classify;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rnn4j.data.encode.Encoder;
import org.rnn4j.data.seq.LabelSet;

/**
 * The {@code config.json} of a classifier model directory: what the model is ({@code task} =
 * {@value #TASK}), the library version that wrote it, the architecture, the encoder with its
 * settings and vocabulary, the number of networks whose probabilities are averaged, the labels in index order, the truncation length, the training
 * settings, and a free-form {@code result} (best epoch, validation scores, data sizes, …).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"task", "format_version", "rnn4j_version", "architecture", "ensemble_size", "encoder", "labels",
    "max_length", "training", "result"})
public record ClassifierConfig(String task, int formatVersion, String rnn4jVersion, ClassifierArchitecture architecture,
        int ensembleSize, Encoder encoder, LabelSet labels, int maxLength, TrainSettings training, Map<String, Object> result) {
    public static final String TASK = "sequence_classification";
    public static final int FORMAT_VERSION = 1;

    public ClassifierConfig {
        result = result == null ? Map.of() : new LinkedHashMap<>(result);
    }
}
