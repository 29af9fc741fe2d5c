package org.rnn4j.cli;

import org.rnn4j.cli.commands.BenchCommand;
import org.rnn4j.cli.commands.ClassifyCommand;
import org.rnn4j.cli.commands.DemoCommand;
import org.rnn4j.cli.commands.ExportCommand;
import org.rnn4j.cli.commands.ForecastCommand;
import org.rnn4j.cli.commands.ImportCommand;
import org.rnn4j.cli.commands.InspectCommand;
import org.rnn4j.cli.commands.LmCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top command: {@code rnn4j COMMAND [OPTIONS]}. */
@Command(name = "rnn4j",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Recurrent neural networks for the JVM with PyTorch's semantics: forecasting from CSV, "
                + "demos, and PyTorch-loadable checkpoints.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {DemoCommand.class, ForecastCommand.class, ClassifyCommand.class, LmCommand.class, InspectCommand.class, ExportCommand.class,
                ImportCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Results go to stdout, progress and messages to stderr.",
                "Exit codes: 0 success, 1 runtime error, 2 usage error.",
                "Run 'rnn4j COMMAND --help' for a command's options."})
public final class Rnn4jCommand implements Runnable {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    public Rnn4jCommand(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }

    /** A configured command line writing to {@code context}'s streams. */
    public static CommandLine commandLine(CliContext context) {
        Failures failures = new Failures();
        CommandLine cl = new CommandLine(new Rnn4jCommand(context));
        dropSeedWhereUnused(cl);
        return cl
                .setOut(context.out())
                .setErr(context.err())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures)
                .setExitCodeExceptionMapper(e -> Failures.RUNTIME_ERROR);
    }

    /** Removes the common {@code --seed} from every command that is not {@link Seeded}. */
    private static void dropSeedWhereUnused(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            dropSeedWhereUnused(sub);
        }
        CommandSpec spec = cl.getCommandSpec();
        Object user = spec.userObject();
        if (user instanceof BaseCommand && !(user instanceof Seeded)) {
            CommandLine.Model.OptionSpec seed = spec.findOption("--seed");
            if (seed != null) {
                spec.remove(seed);
            }
        }
    }
}
