package org.rnn4j.cli.commands;

import org.rnn4j.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rnn4j forecast ...}: time-series forecasting from CSV files. */
@Command(name = "forecast", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Forecast time series from CSV files: train a recurrent model, evaluate it beside naive baselines, predict ahead with plots.",
        subcommands = {ForecastTrainCommand.class, ForecastEvalCommand.class, ForecastPredictCommand.class})
public final class ForecastCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: train, eval or predict");
    }
}
