/**
 * The benchmark workloads W1–W5 of the project's benchmark definition, built with the public API
 * so that the {@code rnn4j bench} command, JMH benchmarks and tests run the same code.
 *
 * <p>Each {@link org.rnn4j.bench.BenchWorkload} builds a {@link org.rnn4j.bench.Workload}: the
 * model, its optimizer and synthetic data drawn from fixed seeds <em>before</em> any timing.
 * {@link org.rnn4j.bench.Workload#step()} is the timed unit (one training step = zero grads,
 * forward, loss, backward, Adam update; or one inference / sampling call).
 * {@link org.rnn4j.bench.Flops} holds the FLOP accounting (matrix products only, 2 per
 * multiply-add, training = 3 × forward) and {@link org.rnn4j.bench.BenchRunner} the timing
 * protocol (warm-up, chunks of steps, wall-clock and process CPU time). Nothing here prints.
 *
 * <pre>{@code
 * Workload w = BenchWorkload.W3.create(BenchScale.FULL);
 * BenchResult r = BenchRunner.run(w, BenchSettings.defaults(BenchWorkload.W3), chunk -> { });
 * double seqPerSecond = r.medianThroughput();
 * }</pre>
 */
package org.rnn4j.bench;
