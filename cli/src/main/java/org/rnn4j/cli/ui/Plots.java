package org.rnn4j.cli.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.rnn4j.io.AtomicFiles;

/** Line charts written as PNG files (headless), e.g. history, forecast and actuals of a series. */
public final class Plots {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 500;
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0x7f7f7f)};

    /** How a line is drawn; {@code POINTS} draws markers only (a scatter). */
    public enum Stroke { SOLID, DASHED, POINTS }

    /**
     * One line: x as plain numbers or as instants (drawn on a calendar axis), and y.
     * Use {@link #numeric} or {@link #timed}.
     */
    public record Line(String name, List<?> x, double[] y, Stroke stroke) {
        public Line {
            if (x.size() != y.length) {
                throw new IllegalArgumentException("plot line '" + name + "': " + x.size() + " x values, " + y.length + " y values");
            }
            x = List.copyOf(x);
            y = y.clone();
        }

        public static Line numeric(String name, double[] x, double[] y, Stroke stroke) {
            List<Double> xs = new ArrayList<>(x.length);
            for (double v : x) {
                xs.add(v);
            }
            return new Line(name, xs, y, stroke);
        }

        public static Line timed(String name, List<Instant> x, double[] y, Stroke stroke) {
            return new Line(name, x.stream().map(Date::from).toList(), y, stroke);
        }
    }

    private Plots() {
    }

    /** Draws {@code lines} on one chart and writes it atomically as a PNG to {@code png}. */
    public static void lines(Path png, String title, String xTitle, String yTitle, List<Line> all) throws IOException {
        lines(png, title, xTitle, yTitle, all, Styler.LegendPosition.InsideNW);
    }

    /** As {@link #lines(Path, String, String, String, List)} with the legend at {@code legend}. */
    public static void lines(Path png, String title, String xTitle, String yTitle, List<Line> all,
                             Styler.LegendPosition legend) throws IOException {
        List<Line> lines = all.stream().filter(l -> !l.x().isEmpty()).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("plot: no lines to draw");
        }
        boolean dates = lines.get(0).x().stream().anyMatch(v -> v instanceof Date);
        for (Line l : lines) {
            if (l.x().stream().anyMatch(v -> v instanceof Date) != dates) {
                throw new IllegalArgumentException("plot: line '" + l.name() + "' mixes calendar and numeric x values");
            }
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(legend);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xe0e0e0));
        chart.getStyler().setAntiAlias(true);
        if (dates) {
            chart.getStyler().setDatePattern("yyyy-MM");
        } else {
            chart.getStyler().setXAxisDecimalPattern("#0.##");
        }
        int i = 0;
        for (Line l : lines) {
            List<Double> ys = new ArrayList<>(l.y().length);
            for (double v : l.y()) {
                ys.add(v);
            }
            XYSeries s = chart.addSeries(l.name(), l.x(), ys);
            Color color = PALETTE[i++ % PALETTE.length];
            if (l.stroke() == Stroke.POINTS) {
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(color);
                continue;
            }
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(color);
            s.setLineStyle(l.stroke() == Stroke.DASHED
                    ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(1.6f));
        }
        byte[] bytes = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        AtomicFiles.write(png, bytes);
    }
}
