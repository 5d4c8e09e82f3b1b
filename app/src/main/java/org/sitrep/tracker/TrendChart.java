package org.sitrep.tracker;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.sitrep.intel.EventTrends;

/**
 * The weekly chart: events per week stacked by type, each type in its colour <em>and</em> its pattern, with its
 * letter in every segment tall enough and a legend, so it reads without colour (the page puts the same figures in a
 * table beside it). Reported deaths per week are a second series on their own scale (right): a dashed black line
 * with white diamonds, told apart from the bars by shape and line, not by colour. Drawn once for the page (inline
 * SVG) and the downloads (SVG, PNG) on {@link StaticMap}'s canvases.
 */
final class TrendChart {
    static final int WIDTH = 800, HEIGHT = 380;
    private static final int LEFT = 44, RIGHT = 44, BOTTOM = 40;
    private static final Color INK = new Color(0x1A1A1A), GRID = new Color(0xBBBBBB), PAPER = Color.WHITE;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private TrendChart() {}

    static String svg(EventTrends.Weekly weekly, String title) {
        StaticMap.SvgCanvas svg = new StaticMap.SvgCanvas(WIDTH, HEIGHT, title, "trend-chart-title");
        paint(svg, weekly);
        return svg.text();
    }

    static byte[] png(EventTrends.Weekly weekly) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            paint(new StaticMap.Java2dCanvas(g), weekly);
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void paint(StaticMap.Canvas c, EventTrends.Weekly weekly) {
        c.rect(0, 0, WIDTH, HEIGHT, PAPER, null);
        List<EventTrends.Week> weeks = weekly.weeks();
        // legend: one swatch per type seen, in the chart's stacking order (bottom first)
        for (int i = 0; i < weekly.types().size(); i++) {
            EventTypes.Key key = EventTypes.of(weekly.types().get(i));
            double x = LEFT + (i % 3) * 250, y = 8 + (i / 3) * 22;
            c.typeRect(x, y, 16, 16, key);
            c.text(x + 22, y + 12, key.letter() + "  " + key.name(), 12, false, INK, "start");
        }
        long maxDeaths =
                weeks.stream().mapToLong(EventTrends.Week::fatalities).max().orElse(0);
        if (maxDeaths > 0) {
            // the deaths series' key, after the types' (the legend grows a row when three types fill the last one)
            int slot = weekly.types().size();
            double x = LEFT + (slot % 3) * 250, y = 8 + (slot / 3) * 22;
            Path2D key = new Path2D.Double();
            key.moveTo(x - 2, y + 8);
            key.lineTo(x + 18, y + 8);
            c.path(key, null, INK, 2f, true);
            c.path(diamond(x + 8, y + 8, 5), PAPER, INK, 1.5f, false);
            c.text(x + 22, y + 12, "Reported deaths (right scale)", 12, false, INK, "start");
        }
        if (weeks.isEmpty()) {
            c.text(WIDTH / 2.0, HEIGHT / 2.0, "No events", 14, true, INK, "middle");
            return;
        }
        // the plot starts below the legend's last row
        int keys = weekly.types().size() + (maxDeaths > 0 ? 1 : 0);
        double plotTop = Math.max(62, 8 + 22 * ((keys + 2) / 3) + 18);
        long max = Math.max(
                1, weeks.stream().mapToLong(EventTrends.Week::total).max().orElse(1));
        double plotW = WIDTH - LEFT - RIGHT, plotH = HEIGHT - plotTop - BOTTOM;
        double bar = plotW / weeks.size();
        double base = plotTop + plotH;
        // scale: the busiest week's count, and a line at half
        for (long v : new long[] {max, max / 2}) {
            if (v == 0) continue;
            double y = base - plotH * v / max;
            Path2D line = new Path2D.Double();
            line.moveTo(LEFT, y);
            line.lineTo(WIDTH - RIGHT, y);
            c.path(line, null, GRID, 1f, true);
            c.text(LEFT - 4, y + 4, Long.toString(v), 11, false, INK, "end");
        }
        Path2D axis = new Path2D.Double();
        axis.moveTo(LEFT, base);
        axis.lineTo(WIDTH - RIGHT, base);
        c.path(axis, null, INK, 1f, false);
        c.text(LEFT - 4, base + 4, "0", 11, false, INK, "end");
        for (int i = 0; i < weeks.size(); i++) {
            EventTrends.Week w = weeks.get(i);
            double x = LEFT + i * bar + 1, width = Math.max(1, bar - 2), top = base;
            for (Map.Entry<String, Long> t : w.byType().entrySet()) {
                if (t.getValue() == 0) continue;
                double h = plotH * t.getValue() / max;
                top -= h;
                EventTypes.Key key = EventTypes.of(t.getKey());
                c.typeRect(x, top, width, h, key);
                if (h >= 14 && width >= 12) {
                    c.rect(x + width / 2 - 6, top + h / 2 - 7, 12, 13, PAPER, null);
                    c.text(x + width / 2, top + h / 2 + 4, key.letter(), 10, true, INK, "middle");
                }
            }
            if (w.total() > 0 && bar >= 18)
                c.text(x + width / 2, top - 3, Long.toString(w.total()), 10, false, INK, "middle");
            if (i % 4 == 0) c.text(x, base + 16, DAY.format(w.monday()), 11, false, INK, "start");
        }
        if (maxDeaths > 0) {
            // right scale: the deadliest week, and half of it (the grid lines are the events'; these are labels only)
            for (long v : new long[] {maxDeaths, maxDeaths / 2}) {
                if (v == 0) continue;
                c.text(WIDTH - RIGHT + 4, base - plotH * v / maxDeaths + 4, Long.toString(v), 11, false, INK, "start");
            }
            c.text(WIDTH - RIGHT + 4, base + 4, "0", 11, false, INK, "start");
            c.text(WIDTH - RIGHT + 4, plotTop - 8, "deaths", 11, false, INK, "start");
            Path2D line = new Path2D.Double();
            for (int i = 0; i < weeks.size(); i++) {
                double x = LEFT + (i + 0.5) * bar,
                        y = base - plotH * weeks.get(i).fatalities() / maxDeaths;
                if (i == 0) line.moveTo(x, y);
                else line.lineTo(x, y);
            }
            c.path(line, null, INK, 2f, true);
            for (int i = 0; i < weeks.size(); i++) {
                double x = LEFT + (i + 0.5) * bar,
                        y = base - plotH * weeks.get(i).fatalities() / maxDeaths;
                c.path(diamond(x, y, 4.5), PAPER, INK, 1.5f, false);
            }
        }
        LocalDate asOf = weekly.asOf();
        c.text(
                WIDTH - RIGHT,
                HEIGHT - 6,
                "Events per week (from Monday)" + (maxDeaths > 0 ? " and their reported deaths" : "") + " up to "
                        + DAY.format(asOf) + " " + asOf.getYear() + ". Source: Sitrep events",
                11,
                false,
                INK,
                "end");
    }

    private static Path2D diamond(double x, double y, double r) {
        Path2D d = new Path2D.Double();
        d.moveTo(x, y - r);
        d.lineTo(x + r, y);
        d.lineTo(x, y + r);
        d.lineTo(x - r, y);
        d.closePath();
        return d;
    }
}
