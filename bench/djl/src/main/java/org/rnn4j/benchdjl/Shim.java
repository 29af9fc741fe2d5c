package org.rnn4j.benchdjl;

/**
 * The tiny JNI shim (bench/djl/native/rnn4j_shim.cpp, built by run.sh; path in
 * -Drnn4j.shim.lib): torch.set_flush_denormal() for DJL (FTZ|DAZ in the calling thread's MXCSR),
 * and at::show_config() of the loaded libtorch.
 */
final class Shim {

    static final int FTZ_DAZ = 0x8040;
    private static boolean loaded;

    private Shim() {}

    static native int setFlush(boolean on);

    static native int getCsr();

    static native String torchConfig();

    /** Loads the shim; returns an error text, or null when loaded. */
    static String load() {
        if (loaded) {
            return null;
        }
        String lib = System.getProperty("rnn4j.shim.lib");
        if (lib == null || lib.isEmpty()) {
            return "-Drnn4j.shim.lib is not set (run through bench/djl/run.sh, which builds the shim)";
        }
        try {
            System.load(lib);
            loaded = true;
            return null;
        } catch (UnsatisfiedLinkError e) {
            return "cannot load " + lib + ": " + e.getMessage();
        }
    }

    static boolean isLoaded() {
        return loaded;
    }

    /** Whether FTZ and DAZ are both set on this thread (null when the shim is not loaded). */
    static Boolean flushOn() {
        return loaded ? (getCsr() & FTZ_DAZ) == FTZ_DAZ : null;
    }

    /** TORCH_VERSION from the loaded libtorch's at::show_config(), or null. */
    static String runtimeTorchVersion() {
        if (!loaded) {
            return null;
        }
        String cfg = torchConfig();
        if (cfg == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("TORCH_VERSION=([^,\\s]+)").matcher(cfg);
        return m.find() ? m.group(1) : null;
    }
}
