package org.rnn4j.data.series;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Strict parsing of numbers in data files: plain decimals only, with named missing markers. */
final class Numbers {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** Cells that mean "no value" in CSV files written by R, pandas and spreadsheets. */
    private static final Set<String> MISSING = Set.of("", "na", "n/a", "nan", "null", "none", "?", ".", "-", "#n/a");

    private Numbers() {
    }

    static boolean isDecimal(String s) {
        return DECIMAL.matcher(s).matches();
    }

    static boolean isMissing(String s) {
        return MISSING.contains(s.trim().toLowerCase(Locale.ROOT));
    }
}
