package org.rnn4j.cli.classify;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.rnn4j.classify.ConfusionMatrix;
import org.rnn4j.io.AtomicFiles;

/**
 * A confusion matrix drawn as a heat map (PNG): rows are the true classes, columns the predicted
 * ones; each cell shows its count and is shaded by the share of its row (the recall of the class
 * on the diagonal), white 0 % to dark blue 100 %.
 */
public final class ConfusionPlot {
    private static final int CELL = 90;
    private static final int MAX_CELL_CLASSES = 12; // more classes: smaller cells

    private ConfusionPlot() {
    }

    /** Writes the heat map of {@code m} with class names {@code labels} to {@code png}, atomically. */
    public static void write(Path png, String title, ConfusionMatrix m, List<String> labels) throws IOException {
        int c = m.classes();
        int cell = c <= MAX_CELL_CLASSES ? CELL : Math.max(24, CELL * MAX_CELL_CLASSES / c);
        Font labelFont = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
        Font countFont = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(9, Math.min(18, cell / 5)));
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 16);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics lm = pg.getFontMetrics(labelFont);
        int labelWidth = 0;
        for (String l : labels) {
            labelWidth = Math.max(labelWidth, lm.stringWidth(l));
        }
        int titleWidth = pg.getFontMetrics(titleFont).stringWidth(title);
        pg.dispose();
        int left = 40 + labelWidth + 16;
        int top = 70 + labelWidth + 16;
        int width = Math.max(left + c * cell + 40, 20 + titleWidth + 20); // wide enough for the whole title
        int height = top + c * cell + 40;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(titleFont);
            g.drawString(title, 20, 28);
            g.setFont(labelFont);
            g.drawString("predicted →", left, 52);
            AffineTransform plain = g.getTransform();
            g.rotate(-Math.PI / 2);
            g.drawString("true →", -(top + c * cell), 24);
            g.setTransform(plain);
            for (int t = 0; t < c; t++) {
                long support = m.support(t);
                for (int p = 0; p < c; p++) {
                    long n = m.count(t, p);
                    double share = support == 0 ? 0 : (double) n / support;
                    int x = left + p * cell;
                    int y = top + t * cell;
                    g.setColor(shade(share));
                    g.fillRect(x, y, cell, cell);
                    g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                    g.setFont(countFont);
                    String s = Long.toString(n);
                    FontMetrics cm = g.getFontMetrics();
                    g.drawString(s, x + (cell - cm.stringWidth(s)) / 2, y + (cell + cm.getAscent() - cm.getDescent()) / 2);
                }
            }
            g.setColor(new Color(0x999999));
            g.setStroke(new BasicStroke(1f));
            for (int i = 0; i <= c; i++) {
                g.drawLine(left, top + i * cell, left + c * cell, top + i * cell);
                g.drawLine(left + i * cell, top, left + i * cell, top + c * cell);
            }
            g.setColor(Color.BLACK);
            g.setFont(labelFont);
            FontMetrics fm = g.getFontMetrics();
            for (int i = 0; i < c; i++) {
                String l = labels.get(i);
                int cy = top + i * cell + (cell + fm.getAscent() - fm.getDescent()) / 2;
                g.drawString(l, left - 10 - fm.stringWidth(l), cy); // row label
                int cx = left + i * cell + (cell + fm.getAscent() - fm.getDescent()) / 2;
                g.rotate(-Math.PI / 2);
                g.drawString(l, -(top - 10), cx); // column label, vertical
                g.setTransform(plain);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(img, "png", bytes);
        AtomicFiles.write(png, bytes.toByteArray());
    }

    /** White at 0, dark blue (#08306b) at 1. */
    private static Color shade(double share) {
        double s = Math.max(0, Math.min(1, share));
        int r = (int) Math.round(255 + (8 - 255) * s);
        int gr = (int) Math.round(255 + (48 - 255) * s);
        int b = (int) Math.round(255 + (107 - 255) * s);
        return new Color(r, gr, b);
    }
}
