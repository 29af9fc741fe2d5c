/**
 * Model files: {@link org.rnn4j.io.SafeTensors} reads and writes the safetensors format under
 * PyTorch's parameter names (so weights move to and from {@code torch}),
 * {@link org.rnn4j.io.ModelDirectory} is a model folder ({@code model.safetensors} +
 * {@code config.json}) written as a whole, and {@link org.rnn4j.io.AtomicFiles} writes a file so
 * that a reader never sees half of it. Every size in a file is validated before anything is
 * allocated; a bad file is a {@link org.rnn4j.io.FileFormatException} naming it.
 */
package org.rnn4j.io;
