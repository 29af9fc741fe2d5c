package org.rnn4j.data.series;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.rnn4j.data.InputFormatException;
import org.rnn4j.data.SourceLocation;

/**
 * Reads a time series from CSV: a header row, a time column and one or more value columns. Every
 * problem names the file, the line and the column: {@code sales.csv:57: column 'value' (2): 'abc'
 * is not a number}.
 */
public final class SeriesCsv {
    private SeriesCsv() {
    }

    /** Reads {@code file} with the default column choice. */
    public static Series read(Path file) throws IOException {
        return read(file, ColumnChoice.defaults());
    }

    public static Series read(Path file, ColumnChoice choice) throws IOException {
        return fromTable(CsvTable.read(file), choice);
    }

    /** Builds the series from an already read table; a problem is an {@link InputFormatException} naming file and line. */
    public static Series fromTable(CsvTable t, ColumnChoice choice) {
        Path file = t.file();
        if (t.columns().size() < 2) {
            throw bad(file, 1, "header: need a time column and at least one value column, found only "
                    + quoted(t.columns()));
        }
        if (t.rowCount() == 0) {
            throw bad(file, "no data rows after the header");
        }
        int timeCol = choice.time().isPresent() ? column(t, choice.time().get(), "time") : defaultTimeColumn(t);
        int targetCol = choice.target().isPresent() ? column(t, choice.target().get(), "target") : defaultTarget(t, timeCol);
        if (targetCol == timeCol) {
            throw bad(file, "column '" + t.columns().get(timeCol) + "' cannot be both the time and the target");
        }
        List<String> covNames = new ArrayList<>();
        Set<Integer> used = new HashSet<>(List.of(timeCol, targetCol));
        List<Integer> covCols = new ArrayList<>();
        for (String c : choice.covariates()) {
            int col = column(t, c, "covariate");
            if (!used.add(col)) {
                throw bad(file, "column '" + c + "' is already used as time, target or covariate");
            }
            covCols.add(col);
            covNames.add(c);
        }
        TimeAxis time = timeAxis(t, timeCol);
        double[] target = numbers(t, targetCol);
        double[][] cov = new double[covCols.size()][];
        for (int i = 0; i < cov.length; i++) {
            cov[i] = numbers(t, covCols.get(i));
        }
        int[] lines = new int[t.rowCount()];
        for (int r = 0; r < lines.length; r++) {
            lines[r] = t.line(r);
        }
        return new Series(file, t.columns().get(timeCol), time, t.columns().get(targetCol), target, covNames, cov, lines);
    }

    private static int column(CsvTable t, String name, String role) {
        int i = t.indexOf(name);
        if (i < 0) {
            throw bad(t.file(), "unknown " + role + " column '" + name + "'; the columns are "
                    + quoted(t.columns()));
        }
        return i;
    }

    private static int defaultTimeColumn(CsvTable t) {
        for (String n : ColumnChoice.TIME_NAMES) {
            for (int i = 0; i < t.columns().size(); i++) {
                if (t.columns().get(i).toLowerCase(Locale.ROOT).equals(n)) {
                    return i;
                }
            }
        }
        return 0;
    }

    /** {@code value}, else the only numeric column other than time, else an error listing candidates. */
    private static int defaultTarget(CsvTable t, int timeCol) {
        int named = t.indexOf(ColumnChoice.DEFAULT_TARGET);
        if (named >= 0 && named != timeCol) {
            return named;
        }
        List<Integer> numeric = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (int c = 0; c < t.columns().size(); c++) {
            if (c == timeCol) {
                continue;
            }
            Optional<String> first = firstPresent(t, c);
            if (first.isPresent() && Numbers.isDecimal(first.get())) {
                numeric.add(c);
            } else {
                others.add(t.columns().get(c));
            }
        }
        if (numeric.size() == 1) {
            return numeric.get(0);
        }
        List<String> names = numeric.stream().map(t.columns()::get).toList();
        if (numeric.isEmpty()) {
            throw bad(t.file(), "no numeric value column besides time column '"
                    + t.columns().get(timeCol) + "' (non-numeric: " + quoted(others) + ")");
        }
        throw bad(t.file(), "cannot choose the target column: no column is named '"
                + ColumnChoice.DEFAULT_TARGET + "' and several are numeric: " + quoted(names) + "; name the target");
    }

    private static Optional<String> firstPresent(CsvTable t, int col) {
        for (int r = 0; r < t.rowCount(); r++) {
            if (!Numbers.isMissing(t.cell(r, col))) {
                return Optional.of(t.cell(r, col));
            }
        }
        return Optional.empty();
    }

    private static double[] numbers(CsvTable t, int col) {
        double[] out = new double[t.rowCount()];
        for (int r = 0; r < out.length; r++) {
            String s = t.cell(r, col);
            if (Numbers.isMissing(s)) {
                throw bad(t.file(), t.line(r), t.describe(col) + ": missing value"
                        + (s.isEmpty() ? "" : " " + Numbers.quote(s)) + "; fill or drop the row");
            }
            if (!Numbers.isDecimal(s)) {
                throw bad(t.file(), t.line(r), t.describe(col) + ": " + Numbers.quote(s) + " is not a number");
            }
            double v = Double.parseDouble(s);
            if (!(Math.abs(v) <= Float.MAX_VALUE)) {
                throw bad(t.file(), t.line(r), t.describe(col) + ": " + Numbers.quote(s)
                        + " is outside the float range (|x| <= " + Float.MAX_VALUE + ")");
            }
            out[r] = v;
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TimeAxis timeAxis(CsvTable t, int col) {
        String first = t.cell(0, col);
        TimeAxis.Kind kind = TimeAxis.detect(first);
        List<String> labels = new ArrayList<>(t.rowCount());
        Comparable prev = null;
        for (int r = 0; r < t.rowCount(); r++) {
            String s = t.cell(r, col);
            if (s.isEmpty()) {
                throw bad(t.file(), t.line(r), t.describe(col) + ": missing time");
            }
            Optional<Comparable<?>> v = TimeAxis.parse(kind, s);
            if (v.isEmpty()) {
                throw bad(t.file(), t.line(r), t.describe(col) + ": " + Numbers.quote(s) + " is not a time like "
                        + Numbers.quote(first) + " on line " + t.line(0));
            }
            if (kind != TimeAxis.Kind.LABEL && prev != null && prev.compareTo(v.get()) >= 0) {
                throw bad(t.file(), t.line(r), t.describe(col) + ": " + Numbers.quote(s) + " does not come after "
                        + Numbers.quote(t.cell(r - 1, col)) + " on line " + t.line(r - 1) + "; rows must be in increasing time order");
            }
            if (r >= 2) { // a regular axis with a stamp missing: forecasts and seasons would silently shift
                Optional<String> gap = TimeAxis.missing(TimeAxis.parse(kind, t.cell(0, col)).get(),
                        TimeAxis.parse(kind, t.cell(1, col)).get(), prev, v.get());
                if (gap.isPresent()) {
                    throw bad(t.file(), t.line(r), t.describe(col) + ": no row for '" + gap.get()
                            + "' between '" + t.cell(r - 1, col) + "' (line " + t.line(r - 1) + ") and '" + s
                            + "'; the time axis steps regularly, so add the missing row (interpolate or fill it)");
                }
            }
            prev = v.get();
            labels.add(s);
        }
        return new TimeAxis(kind, labels);
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }

    /** A problem with the whole file. */
    private static InputFormatException bad(Path file, String what) {
        return new InputFormatException(SourceLocation.file(file.toString()), what);
    }

    /** A problem on 1-based {@code line}. */
    private static InputFormatException bad(Path file, int line, String what) {
        return new InputFormatException(new SourceLocation(file.toString(), line), what);
    }
}
