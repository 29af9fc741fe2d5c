package org.rnn4j.data.series;

import java.util.Locale;
import java.util.Set;

/** Strict parsing of numbers in data files: plain decimals only, with named missing markers. */
final class Numbers {
    /** Cells that mean "no value" in CSV files written by R, pandas and spreadsheets. */
    private static final Set<String> MISSING = Set.of("", "na", "n/a", "nan", "null", "none", "?", ".", "-", "#n/a");
    /** How much of a bad cell an error message quotes. */
    private static final int QUOTE_LIMIT = 40;

    private Numbers() {
    }

    /**
     * Whether {@code s} is {@code [+-]?(digits[.digits]|.digits)([eE][+-]?digits)?}; one pass over
     * the characters (a regular expression backtracks on long cells).
     */
    static boolean isDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits == 0 && fracDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isMissing(String s) {
        return MISSING.contains(s.trim().toLowerCase(Locale.ROOT));
    }

    /** {@code s} quoted for an error message, cut to a short prefix when long. */
    static String quote(String s) {
        return s.length() <= QUOTE_LIMIT ? "'" + s + "'"
                : "'" + s.substring(0, QUOTE_LIMIT) + "…' (" + s.length() + " characters)";
    }
}
