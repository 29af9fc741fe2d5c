/**
 * The sequence-classification job the {@code rnn4j classify} commands run: a
 * {@link org.rnn4j.classify.ClassifierModel} (encoder, label set and one network or an ensemble of
 * {@link org.rnn4j.classify.SequenceClassifier}s), trained by
 * {@link org.rnn4j.classify.ClassifierTrainer}, evaluated with a
 * {@link org.rnn4j.classify.ConfusionMatrix} and {@link org.rnn4j.classify.ClassificationMetrics},
 * and saved and loaded as a model folder by {@link org.rnn4j.classify.ClassifierFiles}. A folder
 * written by {@code rnn4j classify train} loads from Java:
 *
 * <pre>{@code
 * ClassifierModel m = ClassifierFiles.load(Path.of("models/langid"));
 * Prediction p = m.predict(List.of(new Example("1", null, "bonjour")).iterator()).next();
 * String label = p.label(0);   // and p.score(0), p.probabilities(0)
 * }</pre>
 */
package org.rnn4j.classify;
