/**
 * Internal, not exported by the module: the numeric kernels, the only place with inner loops over
 * float arrays. {@link org.rnn4j.kernel.ScalarKernels} is the readable reference of every kernel;
 * the Vector API twin in {@code org.rnn4j.kernel.simd} is chosen at start-up when the JVM has
 * {@code jdk.incubator.vector}. May change in any release.
 */
package org.rnn4j.kernel;
