package org.rnn4j.classify;

import org.rnn4j.data.encode.InputKind;

/**
 * How many parameters a {@link ClassifierArchitecture} holds, computed in {@code long} arithmetic
 * without building it, so a loader can compare a config with the weights (and with a limit) before
 * it allocates anything.
 */
final class ClassifierSizes {
    /** More parameters than this in one model directory are refused as corrupt (16 GB of float32). */
    static final long MAX_PARAMETERS = 4L << 30;

    private ClassifierSizes() {
    }

    /**
     * embedding V·E + positions M·P + per layer and direction G·H·(in + H) + 2·G·H + head C·F + C,
     * or -1 when the count overflows a long.
     */
    static long parameterCount(ClassifierArchitecture a) {
        try {
            long n = 0;
            if (a.input() == InputKind.TOKEN_IDS) {
                n = Math.multiplyExact((long) a.inputSize(), a.embeddingDim());
            }
            n = Math.addExact(n, Math.multiplyExact((long) a.maxPositions(), a.positionDim()));
            long g = a.cell().gates();
            long h = a.hiddenSize();
            long d = a.bidirectional() ? 2 : 1;
            long gh = Math.multiplyExact(g, h);
            for (long layer = 0; layer < a.numLayers(); layer++) {
                long in = layer == 0 ? a.rnnInputSize() : Math.multiplyExact(d, h);
                long one = Math.addExact(Math.multiplyExact(gh, Math.addExact(in, h)), Math.multiplyExact(2, gh));
                n = Math.addExact(n, Math.multiplyExact(d, one));
                if (n > MAX_PARAMETERS) {
                    return n; // already over the limit; the rest of the layers cannot bring it back
                }
            }
            long c = a.numClasses();
            n = Math.addExact(n, Math.addExact(Math.multiplyExact(c, a.featureSize()), c));
            return n;
        } catch (ArithmeticException e) {
            return -1;
        }
    }
}
