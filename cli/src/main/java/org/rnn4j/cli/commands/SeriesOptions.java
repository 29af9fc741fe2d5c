package org.rnn4j.cli.commands;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rnn4j.cli.UserException;
import org.rnn4j.cli.forecast.ForecastModels;
import org.rnn4j.data.InputFormatException;
import org.rnn4j.data.SourceLocation;
import org.rnn4j.data.series.ColumnChoice;
import org.rnn4j.data.series.CsvTable;
import org.rnn4j.data.series.Forecaster;
import org.rnn4j.data.series.Series;
import org.rnn4j.data.series.SeriesCsv;
import picocli.CommandLine.Option;

/** The series a forecasting command reads: the CSV file and its columns. */
public final class SeriesOptions {
    @Option(names = "--csv", required = true, paramLabel = "FILE",
            description = "CSV with a header row, a time column and one or more numeric columns.")
    Path data;

    @Option(names = "--column", paramLabel = "NAME",
            description = "Column to forecast (default: a model's own column, else 'value', else the only numeric column).")
    String column;

    @Option(names = "--time-column", paramLabel = "COLUMN",
            description = "Time column (default: one named time, date, datetime, timestamp or ds, else the first).")
    String timeColumn;

    @Option(names = "--covariates", paramLabel = "COLUMN", split = ",",
            description = "Further numeric columns fed to the model as inputs (comma-separated; a trained model reads its own).")
    List<String> covariates = new ArrayList<>();

    @Option(names = "--season", converter = org.rnn4j.cli.OptionValues.Positive.class, paramLabel = "M",
            description = "Seasonal period for seasonal-naive and MASE (default: 12 for monthly, 4 quarterly, 7 daily, 24 hourly time stamps, else 1).")
    Integer season;

    /** Reads the file as the options say (for training: the target is {@code --column}, else 'value' or the only numeric column). */
    Series read() throws IOException {
        requireFile();
        return SeriesCsv.read(data, new ColumnChoice(Optional.ofNullable(timeColumn), Optional.ofNullable(column), covariates));
    }

    /**
     * Reads the file for {@code trained} (null for a baseline): without {@code --column} its own target column,
     * without {@code --time-column} its own time column when the file has it, and the covariate columns it was
     * trained with ({@code --covariates} may name them again, but no others: a trained model's inputs are fixed).
     *
     * @throws InputFormatException naming the file and the column when the file lacks a covariate the model needs
     */
    Series readFor(Forecaster trained) throws IOException {
        List<String> needed = ForecastModels.covariateColumns(trained);
        if (trained != null) {
            for (String c : covariates) {
                if (!needed.contains(c)) {
                    throw new UserException("--covariates: the model reads " + (needed.isEmpty() ? "no covariates"
                            : "the covariates '" + String.join("', '", needed) + "'") + ", not '" + c
                            + "' (a model's inputs are fixed when it is trained)");
                }
            }
        }
        requireFile();
        CsvTable t = CsvTable.read(data);
        for (String c : needed) {
            if (t.indexOf(c) < 0) {
                throw new InputFormatException(SourceLocation.file(data.toString()), "no column '" + c + "', a covariate the model was trained with; the columns are '"
                        + String.join("', '", t.columns()) + "'");
            }
        }
        Optional<String> time = Optional.ofNullable(timeColumn)
                .or(() -> ForecastModels.timeColumn(trained).filter(name -> t.indexOf(name) >= 0));
        Optional<String> target = Optional.ofNullable(column).or(() -> ForecastModels.targetColumn(trained));
        return SeriesCsv.fromTable(t, new ColumnChoice(time, target, trained == null ? covariates : needed));
    }

    private void requireFile() {
        if (java.nio.file.Files.isDirectory(data)) {
            throw new UserException(data + ": is a folder; --csv takes a CSV file");
        }
    }

    /** The season given, else the time axis's natural one. */
    int season(Series s) {
        if (season != null) {
            if (season < 1) {
                throw new IllegalArgumentException("--season must be at least 1, got " + season);
            }
            return season;
        }
        return s.time().naturalSeason();
    }
}
