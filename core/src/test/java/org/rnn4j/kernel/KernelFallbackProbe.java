package org.rnn4j.kernel;

/**
 * Run by {@link KernelFallbackTest} in a JVM started WITHOUT {@code --add-modules jdk.incubator.vector}:
 * prints the registry's state and a small product computed through {@link Kernels#get()}.
 */
public final class KernelFallbackProbe {
    private KernelFallbackProbe() {
    }

    public static void main(String[] args) {
        float[] a = {1, 2, 3, 4, 5, 6};     // [2, 3]
        float[] b = {1, 0, 0, 1, 1, 1};     // [3, 2]
        float[] c = new float[4];
        Kernels.get().gemm(false, false, 2, 2, 3, a, 0, 3, b, 0, 2, c, 0, 2, false);
        System.out.println("kind=" + KernelRegistry.kind());
        System.out.println("available=" + KernelRegistry.vectorAvailable());
        System.out.println("notice=" + KernelRegistry.notice().orElse("none"));
        System.out.println("describe=" + KernelRegistry.describe());
        System.out.println("gemm=" + java.util.Arrays.toString(c));
        try {
            KernelRegistry.use(KernelKind.VECTOR);
            System.out.println("force=accepted");
        } catch (IllegalStateException e) {
            System.out.println("force=" + e.getMessage());
        }
    }
}
