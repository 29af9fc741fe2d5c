/**
 * rnn4j: recurrent neural networks for the JVM with PyTorch's semantics, in pure Java.
 *
 * <p>The exported packages are the library's API. Start with {@link org.rnn4j.tensor.Tensor},
 * {@link org.rnn4j.autograd.Var} and {@link org.rnn4j.ops.F} for tensors and differentiable
 * functions, {@link org.rnn4j.nn.recurrent.LSTM} (and {@code GRU}, {@code RNN}) for layers,
 * {@link org.rnn4j.loss} and {@link org.rnn4j.optim} for training, and {@link org.rnn4j.forecast}
 * or {@link org.rnn4j.classify} for the ready-made jobs the command line runs.
 *
 * <p>Not exported: {@code org.rnn4j.kernel} and {@code org.rnn4j.kernel.simd} (the numeric
 * kernels behind every operation; they may change in any release) and {@code org.rnn4j.bench}
 * (the benchmark workloads of the {@code rnn4j bench} command).
 *
 * <p>The Vector API is optional: start the JVM with {@code --add-modules jdk.incubator.vector} to
 * use the SIMD kernels; without it every kernel runs its scalar reference, with the same results
 * but many times slower.
 */
module org.rnn4j.core {
    // ModelDirectory and the model-file classes take and return Jackson trees (JsonNode).
    requires transitive com.fasterxml.jackson.databind;
    // The Vector API (jdk.incubator.vector) is optional and not required here: when the JVM resolves
    // it (--add-modules jdk.incubator.vector), the kernel selection adds the read edge at run time.
    // Kernel preparation installs compiler directives through the platform MBean server.
    requires java.management;
    // Process CPU time, read by the benchmark workloads only (their package is not exported).
    requires static jdk.management;

    exports org.rnn4j;
    exports org.rnn4j.tensor;
    exports org.rnn4j.autograd;
    exports org.rnn4j.ops;
    exports org.rnn4j.nn;
    exports org.rnn4j.nn.recurrent;
    exports org.rnn4j.rand;
    exports org.rnn4j.loss;
    exports org.rnn4j.optim;
    exports org.rnn4j.train;
    exports org.rnn4j.data;
    exports org.rnn4j.data.batch;
    exports org.rnn4j.data.dna;
    exports org.rnn4j.data.encode;
    exports org.rnn4j.data.seq;
    exports org.rnn4j.data.series;
    exports org.rnn4j.data.text;
    exports org.rnn4j.io;
    exports org.rnn4j.io.embeddings;
    exports org.rnn4j.io.torch;
    exports org.rnn4j.forecast;
    exports org.rnn4j.classify;
    exports org.rnn4j.lm;
    exports org.rnn4j.onnx;

    // Model configs and vocabularies are read and written by Jackson data binding, which needs
    // reflective access to their (partly private) records.
    opens org.rnn4j.classify to com.fasterxml.jackson.databind;
    opens org.rnn4j.forecast to com.fasterxml.jackson.databind;
    opens org.rnn4j.lm to com.fasterxml.jackson.databind;
    opens org.rnn4j.data.encode to com.fasterxml.jackson.databind;
    opens org.rnn4j.data.seq to com.fasterxml.jackson.databind;
    opens org.rnn4j.data.series to com.fasterxml.jackson.databind;
    opens org.rnn4j.data.text to com.fasterxml.jackson.databind;
}
