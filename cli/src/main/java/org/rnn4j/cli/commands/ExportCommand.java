package org.rnn4j.cli.commands;

import org.rnn4j.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rnn4j export ...}: model folders out to other frameworks' formats. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "FORMAT",
        description = "Write a model folder in another framework's format.",
        subcommands = {ExportOnnxCommand.class})
public final class ExportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing format: onnx");
    }
}
