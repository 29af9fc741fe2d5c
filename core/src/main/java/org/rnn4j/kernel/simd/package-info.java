/**
 * Internal, not exported by the module: the kernels on the Vector API
 * ({@code jdk.incubator.vector}), loaded only when that module is present at run time; each is
 * tested against its scalar reference in {@code org.rnn4j.kernel}.
 */
package org.rnn4j.kernel.simd;
