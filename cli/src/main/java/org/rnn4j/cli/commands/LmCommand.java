package org.rnn4j.cli.commands;

import org.rnn4j.cli.VersionProvider;
import org.rnn4j.cli.lm.LmEvalCommand;
import org.rnn4j.cli.lm.LmGenerateCommand;
import org.rnn4j.cli.lm.LmTrainCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rnn4j lm ...}: character language models. */
@Command(name = "lm", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Character language models: train one on a text, score a text in bits per character, write text.",
        subcommands = {LmTrainCommand.class, LmEvalCommand.class, LmGenerateCommand.class})
public final class LmCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: train, eval or generate");
    }
}
