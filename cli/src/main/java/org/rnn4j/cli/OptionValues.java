package org.rnn4j.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Typed converters for numeric options with a range: a value outside it is a usage error (exit 2)
 * that picocli reports as {@code Invalid value for option '--epochs': -1: must be at least 1},
 * before any file is read. Name one with {@code @Option(converter = OptionValues.Positive.class)}.
 */
public final class OptionValues {
    private OptionValues() {
    }

    /** An integer of at least 1: counts, sizes, epochs. */
    public static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return atLeast(value, 1);
        }
    }

    /** An integer of at least 0: holdouts, patience where 0 means never. */
    public static final class NonNegative implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return atLeast(value, 0);
        }
    }

    /** A finite number above 0: learning rates. */
    public static final class PositiveReal implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double v = real(value);
            if (!(v > 0)) {
                throw new TypeConversionException(value + ": must be above 0");
            }
            return v;
        }
    }

    /** A finite number of at least 0: weight decay, clipping norms where 0 means off. */
    public static final class NonNegativeReal implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double v = real(value);
            if (!(v >= 0)) {
                throw new TypeConversionException(value + ": must be 0 or more");
            }
            return v;
        }
    }

    /** A probability in [0, 1): dropout, label smoothing. */
    public static final class Probability implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double v = real(value);
            if (!(v >= 0 && v < 1)) {
                throw new TypeConversionException(value + ": must be at least 0 and below 1");
            }
            return v;
        }
    }

    /** A share strictly between 0 and 1: validation fractions. */
    public static final class Fraction implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double v = real(value);
            if (!(v > 0 && v < 1)) {
                throw new TypeConversionException(value + ": must be above 0 and below 1");
            }
            return v;
        }
    }

    static int atLeast(String value, int min) {
        int v;
        try {
            v = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
        if (v < min) {
            throw new TypeConversionException(value + ": must be at least " + min);
        }
        return v;
    }

    /** A finite decimal number; NaN and infinities are rejected. */
    static double real(String value) {
        double v;
        try {
            v = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new TypeConversionException(value + ": must be a finite number");
        }
        return v;
    }
}
