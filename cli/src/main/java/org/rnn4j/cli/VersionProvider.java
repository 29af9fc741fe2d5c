package org.rnn4j.cli;

import org.rnn4j.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code rnn4j 0.1.0 (Java 17.0.15, Vector API on)}: the build's version and what it runs on. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        boolean vector = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        return new String[] {"rnn4j " + Version.get() + " (Java " + Runtime.version() + ", Vector API "
                + (vector ? "on" : "off: run with --add-modules jdk.incubator.vector") + ")"};
    }
}
