package org.rnn4j.lm;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * The {@code config.json} of a language-model folder: the architecture, the vocabulary (its characters
 * in id order), the training recipe and free-form facts about the run.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LmConfig(String task, int formatVersion, String rnn4jVersion, LmArchitecture architecture, String vocabulary,
                       LmSettings training, Map<String, Object> result) {
    public static final String TASK = "char_language_model";
    public static final int FORMAT_VERSION = 1;
}
