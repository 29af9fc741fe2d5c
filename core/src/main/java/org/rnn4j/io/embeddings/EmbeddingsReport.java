package org.rnn4j.io.embeddings;

import java.util.List;

/**
 * What loading pretrained vectors found: the file, its resolved format and dimension, how many
 * words it holds, and how many of the vocabulary's regular words (the specials not counted) were
 * found, exactly or by lower case, or are out of vocabulary ({@code missing}, with the first
 * {@value #SAMPLE_SIZE} in id order as a sample).
 */
public record EmbeddingsReport(String file, EmbeddingsFormat format, int dimension, long fileWords, int vocabularySize,
        int found, int foundByLowercase, int missing, List<String> missingSample, boolean unkFromFile) {
    public static final int SAMPLE_SIZE = 20;

    public EmbeddingsReport {
        missingSample = List.copyOf(missingSample);
    }

    /** The share of regular vocabulary words that got a pretrained vector. */
    public double coverage() {
        int regular = found + missing;
        return regular == 0 ? 1.0 : (double) found / regular;
    }

    /** One line for a person, e.g. for a CLI to print. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(": ").append(dimension).append("-d ").append(format.name().toLowerCase().replace('_', ' '))
                .append(", ").append(fileWords).append(" words; ").append(found).append(" of ").append(found + missing)
                .append(String.format(" vocabulary words found (%.1f%%", 100 * coverage()));
        if (foundByLowercase > 0) {
            sb.append(", ").append(foundByLowercase).append(" by lower case");
        }
        sb.append(")");
        if (missing > 0) {
            sb.append("; ").append(missing).append(" out of vocabulary, e.g. ").append(String.join(", ", missingSample));
        }
        return sb.toString();
    }
}
