package org.rnn4j.cli.commands;

import org.rnn4j.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rnn4j import ...}: other frameworks' files in as model folders. */
@Command(name = "import", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "FORMAT",
        description = "Read another framework's model file into an rnn4j model folder.",
        subcommands = {ImportPtCommand.class, ImportOnnxCommand.class})
public final class ImportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing format: pt or onnx");
    }
}
