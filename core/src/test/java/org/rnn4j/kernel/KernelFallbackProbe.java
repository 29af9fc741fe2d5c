package org.rnn4j.kernel;

/**
 * Run by {@link KernelFallbackTest} in a JVM started WITHOUT {@code --add-modules jdk.incubator.vector}:
 * prints the selection's state and a small product computed through {@link Kernels#gemm()}; the
 * notice goes to stderr through the default {@link System.Logger}.
 */
public final class KernelFallbackProbe {
    private KernelFallbackProbe() {
    }

    public static void main(String[] args) {
        float[] a = {1, 2, 3, 4, 5, 6};     // [2, 3]
        float[] b = {1, 0, 0, 1, 1, 1};     // [3, 2]
        float[] c = new float[4];
        Kernels.gemm().gemm(false, false, 2, 2, 3, a, 0, 3, b, 0, 2, c, 0, 2, false);
        Kernels.prepare();
        Kernels.elementwise().axpy(4, 0f, a, 0, c, 0); // more kernel calls: the notice stays logged once
        Kernels.prepare();
        System.out.println("kind=" + Kernels.kind());
        System.out.println("available=" + Kernels.vectorAvailable());
        System.out.println("notice=" + Kernels.notice().orElse("none"));
        System.out.println("describe=" + Kernels.describe());
        System.out.println("gemm=" + java.util.Arrays.toString(c));
        try {
            Kernels.use(KernelKind.VECTOR);
            System.out.println("force=accepted");
        } catch (IllegalStateException e) {
            System.out.println("force=" + e.getMessage());
        }
    }
}
