package org.rnn4j.data.series;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The time stamps of a series as written in the file, with their recognised kind. Time stamps of
 * a known kind are strictly increasing; the axis can name the steps after its end (for forecasts).
 */
public final class TimeAxis {

    /** How the time column is written. */
    public enum Kind {
        /** {@code 1949-01}. */
        YEAR_MONTH,
        /** {@code 2020-03-31}. */
        DATE,
        /** {@code 2020-03-31T12:00}, {@code 2020-03-31 12:00:00}. */
        DATE_TIME,
        /** Plain numbers: years, indices, seconds. */
        NUMBER,
        /** Anything else: kept as text, in file order. */
        LABEL
    }

    private final Kind kind;
    private final List<String> labels;

    TimeAxis(Kind kind, List<String> labels) {
        this.kind = kind;
        this.labels = List.copyOf(labels);
    }

    /** An axis of labels {@code 0, 1, ..., n-1}. */
    public static TimeAxis index(int n) {
        List<String> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(Integer.toString(i));
        }
        return new TimeAxis(Kind.NUMBER, l);
    }

    public Kind kind() {
        return kind;
    }

    public List<String> labels() {
        return labels;
    }

    public int size() {
        return labels.size();
    }

    public String label(int i) {
        return labels.get(i);
    }

    /** The first {@code n} stamps. */
    public TimeAxis head(int n) {
        return new TimeAxis(kind, labels.subList(0, n));
    }

    /** The kind that {@code text} is written in. */
    public static Kind detect(String text) {
        for (Kind k : List.of(Kind.YEAR_MONTH, Kind.DATE, Kind.DATE_TIME, Kind.NUMBER)) {
            if (parse(k, text).isPresent()) {
                return k;
            }
        }
        return Kind.LABEL;
    }

    /** {@code text} as a comparable instant-like value of {@code kind}, if it is one. */
    static Optional<Comparable<?>> parse(Kind kind, String text) {
        String t = text.trim();
        try {
            return Optional.of(switch (kind) {
                case YEAR_MONTH -> checkYear(YearMonth.parse(t).getYear(), YearMonth.parse(t));
                case DATE -> checkYear(LocalDate.parse(t).getYear(), LocalDate.parse(t));
                case DATE_TIME -> checkYear(LocalDateTime.parse(t.replace(' ', 'T')).getYear(),
                        LocalDateTime.parse(t.replace(' ', 'T')));
                case NUMBER -> {
                    if (t.length() > MAX_NUMBER_CHARS || !Numbers.isDecimal(t)) {
                        throw new NumberFormatException("not a plain decimal");
                    }
                    BigDecimal d = new BigDecimal(t);
                    if (d.abs().compareTo(MAX_NUMBER) > 0 || d.scale() > MAX_SCALE || d.scale() < -MAX_SCALE) {
                        throw new NumberFormatException("too large or too fine for a time stamp");
                    }
                    yield d;
                }
                case LABEL -> t;
            });
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Calendar stamps are accepted only in years whose continuations stay inside java.time's range. */
    private static final int MAX_YEAR = 99_999;
    /** Numeric stamps: at most this many characters, this magnitude and this many decimals. */
    private static final int MAX_NUMBER_CHARS = 40;
    private static final BigDecimal MAX_NUMBER = BigDecimal.TEN.pow(18);
    private static final int MAX_SCALE = 18;

    private static <T> T checkYear(int year, T value) {
        if (Math.abs(year) > MAX_YEAR) {
            throw new DateTimeParseException("year out of range", String.valueOf(year), 0);
        }
        return value;
    }

    /**
     * Names of the {@code steps} stamps after the last one, continuing the last spacing
     * ({@code 1961-01, 1961-02, ...}); a label axis, or one too short to show a spacing, gives
     * {@code +1, +2, ...}.
     */
    public List<String> extend(int steps) {
        try {
            return continued(steps);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            // the continuation leaves the calendar's range: fall back to relative names
            return relative(steps);
        }
    }

    private static List<String> relative(int steps) {
        List<String> out = new ArrayList<>(steps);
        for (int k = 1; k <= steps; k++) {
            out.add("+" + k);
        }
        return out;
    }

    private List<String> continued(int steps) {
        List<String> out = new ArrayList<>(steps);
        int n = labels.size();
        if (kind == Kind.LABEL || n < 2) {
            for (int k = 1; k <= steps; k++) {
                out.add("+" + k);
            }
            return out;
        }
        String a = labels.get(n - 2).trim();
        String b = labels.get(n - 1).trim();
        switch (kind) {
            case YEAR_MONTH -> {
                YearMonth last = YearMonth.parse(b);
                long step = ChronoUnit.MONTHS.between(YearMonth.parse(a), last);
                for (int k = 1; k <= steps; k++) {
                    out.add(last.plusMonths(step * k).toString());
                }
            }
            case DATE -> {
                LocalDate x = LocalDate.parse(a);
                LocalDate last = LocalDate.parse(b);
                long months = ChronoUnit.MONTHS.between(YearMonth.from(x), YearMonth.from(last));
                boolean monthly = months > 0 && (x.getDayOfMonth() == last.getDayOfMonth()
                        || isMonthEnd(x) && isMonthEnd(last));
                long days = ChronoUnit.DAYS.between(x, last);
                for (int k = 1; k <= steps; k++) {
                    LocalDate d = monthly ? last.plusMonths(months * k) : last.plusDays(days * k);
                    if (monthly && isMonthEnd(last)) {
                        d = d.withDayOfMonth(d.lengthOfMonth());
                    }
                    out.add(d.toString());
                }
            }
            case DATE_TIME -> {
                LocalDateTime last = LocalDateTime.parse(b.replace(' ', 'T'));
                Duration step = Duration.between(LocalDateTime.parse(a.replace(' ', 'T')), last);
                boolean space = b.contains(" ");
                for (int k = 1; k <= steps; k++) {
                    String s = last.plus(step.multipliedBy(k)).format(b.length() > 16
                            ? DateTimeFormatter.ISO_LOCAL_DATE_TIME : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
                    out.add(space ? s.replace('T', ' ') : s);
                }
            }
            case NUMBER -> {
                BigDecimal last = new BigDecimal(b);
                BigDecimal step = last.subtract(new BigDecimal(a));
                for (int k = 1; k <= steps; k++) {
                    out.add(last.add(step.multiply(BigDecimal.valueOf(k))).toPlainString());
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
        return out;
    }

    /**
     * The usual seasonal period of this spacing: 12 for monthly, 4 for quarterly, 7 for daily,
     * 24 for hourly stamps; 1 (no season) otherwise.
     */
    public int naturalSeason() {
        int n = labels.size();
        if (n < 2 || kind == Kind.LABEL || kind == Kind.NUMBER) {
            return 1;
        }
        String a = labels.get(n - 2).trim();
        String b = labels.get(n - 1).trim();
        switch (kind) {
            case YEAR_MONTH -> {
                long m = ChronoUnit.MONTHS.between(YearMonth.parse(a), YearMonth.parse(b));
                return m == 1 ? 12 : m == 3 ? 4 : 1;
            }
            case DATE -> {
                LocalDate x = LocalDate.parse(a);
                LocalDate y = LocalDate.parse(b);
                long days = ChronoUnit.DAYS.between(x, y);
                long months = ChronoUnit.MONTHS.between(YearMonth.from(x), YearMonth.from(y));
                return days == 1 ? 7 : days >= 28 && days <= 31 && months == 1 ? 12 : days == 7 ? 52 : 1;
            }
            case DATE_TIME -> {
                Duration d = Duration.between(LocalDateTime.parse(a.replace(' ', 'T')), LocalDateTime.parse(b.replace(' ', 'T')));
                return d.equals(Duration.ofHours(1)) ? 24 : d.equals(Duration.ofDays(1)) ? 7 : 1;
            }
            default -> {
                return 1;
            }
        }
    }

    /**
     * The first stamp missing between {@code prev} and {@code cur} on an axis that steps regularly by
     * the spacing of its first two stamps {@code a0}, {@code a1} (values of {@link #parse}), or empty
     * when nothing is missing or the axis is not one this checks. Checked: month-based steps
     * (monthly, quarterly, yearly as {@code 1949-01} or as dates on the same day or at month end) and
     * weekly dates. Daily and hourly axes are not: business-day and trading-hour series skip
     * weekends and nights by design.
     */
    static Optional<String> missing(Comparable<?> a0, Comparable<?> a1, Comparable<?> prev, Comparable<?> cur) {
        if (a0 instanceof YearMonth x0 && a1 instanceof YearMonth x1 && prev instanceof YearMonth p && cur instanceof YearMonth c) {
            long step = ChronoUnit.MONTHS.between(x0, x1);
            long d = ChronoUnit.MONTHS.between(p, c);
            return step >= 1 && d > step && d % step == 0 ? Optional.of(p.plusMonths(step).toString()) : Optional.empty();
        }
        if (a0 instanceof LocalDate x0 && a1 instanceof LocalDate x1 && prev instanceof LocalDate p && cur instanceof LocalDate c) {
            long days = ChronoUnit.DAYS.between(x0, x1);
            if (days == 7) {
                long d = ChronoUnit.DAYS.between(p, c);
                return d > 7 && d % 7 == 0 ? Optional.of(p.plusDays(7).toString()) : Optional.empty();
            }
            boolean ends = isMonthEnd(x0) && isMonthEnd(x1);
            boolean sameDay = x0.getDayOfMonth() == x1.getDayOfMonth();
            long step = ChronoUnit.MONTHS.between(YearMonth.from(x0), YearMonth.from(x1));
            if (step < 1 || !(ends || sameDay) || !(ends ? isMonthEnd(p) && isMonthEnd(c)
                    : p.getDayOfMonth() == x0.getDayOfMonth() && c.getDayOfMonth() == x0.getDayOfMonth())) {
                return Optional.empty();
            }
            long d = ChronoUnit.MONTHS.between(YearMonth.from(p), YearMonth.from(c));
            if (d > step && d % step == 0) {
                YearMonth m = YearMonth.from(p).plusMonths(step);
                return Optional.of((ends ? m.atEndOfMonth() : m.atDay(x0.getDayOfMonth())).toString());
            }
        }
        return Optional.empty();
    }

    private static boolean isMonthEnd(LocalDate d) {
        return d.getDayOfMonth() == d.lengthOfMonth();
    }

    /**
     * Instants for plotting on a calendar axis (UTC, months at their first day), or empty for
     * numbers and labels.
     */
    public static Optional<List<Instant>> instants(Kind kind, List<String> labels) {
        if (kind == Kind.NUMBER || kind == Kind.LABEL) {
            return Optional.empty();
        }
        List<Instant> out = new ArrayList<>(labels.size());
        for (String l : labels) {
            Optional<Comparable<?>> v = parse(kind, l);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            Object x = v.get();
            if (x instanceof YearMonth ym) {
                out.add(ym.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
            } else if (x instanceof LocalDate d) {
                out.add(d.atStartOfDay().toInstant(ZoneOffset.UTC));
            } else {
                out.add(((LocalDateTime) x).toInstant(ZoneOffset.UTC));
            }
        }
        return Optional.of(out);
    }
}
