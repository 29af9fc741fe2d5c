package org.rnn4j.data.series;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A univariate target series with optional covariates, all of the same length and aligned on one
 * time axis, remembering the file and line of each point so that errors can name them.
 */
public final class Series {
    private final Path source;
    private final String timeName;
    private final TimeAxis time;
    private final String targetName;
    private final double[] target;
    private final List<String> covariateNames;
    private final double[][] covariates; // [C][T]
    private final int[] lines;

    /**
     * @param source     the file it came from (for messages), or null
     * @param covariates one array per covariate name, each as long as {@code target}
     * @param lines      the 1-based file line of each point, or null
     */
    public Series(Path source, String timeName, TimeAxis time, String targetName, double[] target,
                  List<String> covariateNames, double[][] covariates, int[] lines) {
        int n = target.length;
        if (time.size() != n) {
            throw new IllegalArgumentException("series: time axis has " + time.size() + " stamps, target has " + n + " values");
        }
        if (covariateNames.size() != covariates.length) {
            throw new IllegalArgumentException("series: " + covariateNames.size() + " covariate names for "
                    + covariates.length + " covariates");
        }
        for (int c = 0; c < covariates.length; c++) {
            if (covariates[c].length != n) {
                throw new IllegalArgumentException("series: covariate '" + covariateNames.get(c) + "' has "
                        + covariates[c].length + " values, target has " + n);
            }
        }
        if (lines != null && lines.length != n) {
            throw new IllegalArgumentException("series: " + lines.length + " line numbers for " + n + " values");
        }
        this.source = source;
        this.timeName = timeName;
        this.time = time;
        this.targetName = targetName;
        this.target = target.clone();
        this.covariateNames = List.copyOf(covariateNames);
        this.covariates = Arrays.stream(covariates).map(double[]::clone).toArray(double[][]::new);
        this.lines = lines == null ? null : lines.clone();
    }

    /** A series with no file, no covariates and time stamps {@code 0..n-1}. */
    public static Series of(String targetName, double... values) {
        return new Series(null, "index", TimeAxis.index(values.length), targetName, values, List.of(), new double[0][], null);
    }

    public int size() {
        return target.length;
    }

    /** The file it came from, or null. */
    public Path source() {
        return source;
    }

    /** The source for messages: the file name, or {@code series}. */
    public String sourceName() {
        return source == null ? "series" : source.toString();
    }

    public String timeName() {
        return timeName;
    }

    public TimeAxis time() {
        return time;
    }

    public String targetName() {
        return targetName;
    }

    /** A copy of the target values. */
    public double[] target() {
        return target.clone();
    }

    public double target(int i) {
        return target[i];
    }

    public List<String> covariateNames() {
        return covariateNames;
    }

    /** A copy of covariate {@code c}'s values. */
    public double[] covariate(int c) {
        return covariates[c].clone();
    }

    /** The file line of point {@code i}, or 0 if unknown. */
    public int lineOf(int i) {
        return lines == null ? 0 : lines[i];
    }

    /** The first {@code n} points: what was known at forecast origin {@code n}. */
    public Series head(int n) {
        if (n < 0 || n > size()) {
            throw new IllegalArgumentException("series head: " + n + " is outside 0.." + size());
        }
        double[][] cov = Arrays.stream(covariates).map(c -> Arrays.copyOf(c, n)).toArray(double[][]::new);
        return new Series(source, timeName, time.head(n), targetName, Arrays.copyOf(target, n), covariateNames, cov,
                lines == null ? null : Arrays.copyOf(lines, n));
    }
}
