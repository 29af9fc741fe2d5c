package org.rnn4j.classify;

import java.util.ArrayList;
import java.util.List;
import org.rnn4j.data.batch.Sample;
import org.rnn4j.data.encode.Encoder;
import org.rnn4j.data.encode.EncoderFitter;
import org.rnn4j.data.encode.EncoderSpec;
import org.rnn4j.data.seq.Example;
import org.rnn4j.data.seq.LabelSet;

/**
 * Labelled examples made ready for training: the label set, the encoder fitted on the training
 * examples, the truncation length, and the encoded samples.
 *
 * @param examples          the training examples as read
 * @param validationExamples the validation examples as read, or null when validation is held out of {@code examples}
 * @param labels            labels in index order (of the training examples)
 * @param encoder           the fitted encoder
 * @param encodingReason    why an automatic encoding chose {@code encoder} (empty for a given encoding)
 * @param maxLength         truncation length in tokens
 * @param samples           the training examples encoded
 * @param validationSamples the validation examples encoded, or null
 */
public record ClassifierData(List<Example> examples, List<Example> validationExamples, LabelSet labels, Encoder encoder,
                             String encodingReason, int maxLength, List<Sample> samples, List<Sample> validationSamples) {

    /**
     * Fits the encoder of {@code spec} on {@code train}, finds the labels, and encodes both parts,
     * truncated to {@code maxLength} tokens (null: the longest training sequence, at most
     * {@link ClassifierDefaults#MAX_LENGTH_CAP}).
     *
     * @param validation the validation examples, or null to hold out a stratified part of {@code train} per member
     */
    public static ClassifierData prepare(List<Example> train, List<Example> validation, EncoderSpec spec, Integer maxLength) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("classifier data: no training examples");
        }
        LabelSet labels = labels(train);
        EncoderFitter fitter = new EncoderFitter(spec);
        train.forEach(fitter::accept);
        Encoder encoder = fitter.fit();
        String reason = spec instanceof EncoderSpec.Auto ? fitter.stats().explain() : "";
        int longest = encode(train, encoder, labels, Integer.MAX_VALUE).stream().mapToInt(Sample::length).max().orElse(1);
        int maxLen = maxLength != null ? maxLength : Math.min(longest, ClassifierDefaults.MAX_LENGTH_CAP);
        if (maxLen < 1) {
            throw new IllegalArgumentException("--max-length must be at least 1, got " + maxLen);
        }
        List<Sample> samples = encode(train, encoder, labels, maxLen);
        List<Sample> val = validation == null ? null : encode(validation, encoder, labels, maxLen);
        return new ClassifierData(List.copyOf(train), validation == null ? null : List.copyOf(validation), labels, encoder, reason,
                maxLen, samples, val);
    }

    /** Whether validation is held out of the training examples (no validation examples given). */
    public boolean heldOut() {
        return validationSamples == null;
    }

    private static LabelSet labels(List<Example> examples) {
        LabelSet.Builder b = new LabelSet.Builder();
        examples.forEach(b::add);
        LabelSet l = b.build();
        if (l.size() < 2) {
            throw new IllegalArgumentException(examples.get(0).source().file() + ": needs at least two classes to train a classifier, found only '"
                    + l.label(0) + "'");
        }
        return l;
    }

    private static List<Sample> encode(List<Example> examples, Encoder encoder, LabelSet labels, int maxLength) {
        List<Sample> out = new ArrayList<>(examples.size());
        for (Example e : examples) {
            out.add(Sample.of(e, encoder, labels, maxLength));
        }
        return out;
    }
}
