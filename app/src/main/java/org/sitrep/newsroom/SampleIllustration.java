package org.sitrep.newsroom;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Pictures for the sample pieces, drawn here so the project ships no third-party photos: an
 * abstract map (terrain, a river, roads, labelled places) or a typographic card.
 */
final class SampleIllustration {
    static final int WIDTH = 1200, HEIGHT = 675;

    private SampleIllustration() {}

    /** A map-like JPEG naming {@code places}; the same seed always draws the same picture. */
    static byte[] map(String title, List<String> places, long seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img);
        g.setPaint(new GradientPaint(0, 0, new Color(0xEDE3CF), WIDTH, HEIGHT, new Color(0xD9C9A8)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        // Terrain: soft contour rings.
        for (int i = 0; i < 7; i++) {
            int cx = r.nextInt(WIDTH), cy = r.nextInt(HEIGHT);
            for (int k = 1; k <= 6; k++) {
                g.setColor(new Color(150, 120, 80, 22));
                g.setStroke(new BasicStroke(1.5f));
                int rx = 40 * k + r.nextInt(20), ry = 28 * k + r.nextInt(20);
                g.draw(new Ellipse2D.Double(cx - rx, cy - ry, 2.0 * rx, 2.0 * ry));
            }
        }
        // A river.
        g.setColor(new Color(0x6F9FC0));
        g.setStroke(new BasicStroke(9f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new CubicCurve2D.Double(
                -20,
                r.nextInt(HEIGHT),
                WIDTH * 0.3,
                r.nextInt(HEIGHT),
                WIDTH * 0.6,
                r.nextInt(HEIGHT),
                WIDTH + 20,
                r.nextInt(HEIGHT)));
        // Places where their labels do not overlap (a few tries each), then roads between them.
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        int n = Math.max(3, places.size());
        int[] xs = new int[n], ys = new int[n];
        List<java.awt.Rectangle> taken = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            int labelWidth = i < places.size() ? g.getFontMetrics().stringWidth(places.get(i)) : 0;
            java.awt.Rectangle box = null;
            for (int attempt = 0; attempt < 300; attempt++) {
                xs[i] = 60 + r.nextInt(Math.max(1, WIDTH - 120 - labelWidth - 40));
                ys[i] = 80 + r.nextInt(HEIGHT - 200);
                box = new java.awt.Rectangle(xs[i] - 20, ys[i] - 40, labelWidth + 60, 70);
                java.awt.Rectangle candidate = box;
                if (taken.stream().noneMatch(candidate::intersects)) break;
            }
            taken.add(box);
        }
        g.setColor(new Color(0x8C7B62));
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {14f, 8f}, 0f));
        for (int i = 1; i < n; i++) g.drawLine(xs[i - 1], ys[i - 1], xs[i], ys[i]);
        // A shaded front line.
        g.setColor(new Color(160, 30, 30, 150));
        g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {4f, 10f}, 0f));
        g.draw(new CubicCurve2D.Double(
                r.nextInt(WIDTH / 3),
                -10,
                r.nextInt(WIDTH),
                HEIGHT / 3.0,
                r.nextInt(WIDTH),
                HEIGHT * 2 / 3.0,
                WIDTH / 2.0 + r.nextInt(WIDTH / 2),
                HEIGHT + 10));
        // Labels.
        for (int i = 0; i < places.size(); i++) {
            g.setColor(new Color(0x2B2B2B));
            g.fillOval(xs[i] - 7, ys[i] - 7, 14, 14);
            g.setColor(new Color(255, 255, 255, 200));
            int w = g.getFontMetrics().stringWidth(places.get(i));
            g.fillRoundRect(xs[i] + 12, ys[i] - 20, w + 12, 30, 6, 6);
            g.setColor(new Color(0x1B1B1B));
            g.drawString(places.get(i), xs[i] + 18, ys[i] + 3);
        }
        titleBand(g, title);
        g.dispose();
        return jpeg(img);
    }

    /** A typographic card: a big word on a dark field with a thin grid. */
    static byte[] card(String word, String title, long seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img);
        Color base = new Color(30 + r.nextInt(30), 35 + r.nextInt(30), 45 + r.nextInt(40));
        g.setPaint(new GradientPaint(0, 0, base, WIDTH, HEIGHT, base.darker()));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(new Color(255, 255, 255, 25));
        for (int x = 0; x < WIDTH; x += 40) g.drawLine(x, 0, x, HEIGHT);
        for (int y = 0; y < HEIGHT; y += 40) g.drawLine(0, y, WIDTH, y);
        g.setColor(new Color(0xC8553D));
        g.fillRect(80, 150, 12, 260);
        g.setColor(new Color(0xF4EFE6));
        int size = 150;
        g.setFont(new Font(Font.SERIF, Font.BOLD, size));
        while (g.getFontMetrics().stringWidth(word) > WIDTH - 200 && size > 40) {
            size -= 10;
            g.setFont(new Font(Font.SERIF, Font.BOLD, size));
        }
        g.drawString(word, 120, 330);
        titleBand(g, title);
        g.dispose();
        return jpeg(img);
    }

    /**
     * A square author portrait with the initials in its middle: pages show portraits cropped to a circle
     * from the centre, which cut the landscape card's initials (drawn at its left) in half.
     */
    static byte[] portrait(String initials, long seed) {
        int side = 480;
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img);
        Color base = new Color(30 + r.nextInt(30), 35 + r.nextInt(30), 45 + r.nextInt(40));
        g.setPaint(new GradientPaint(0, 0, base, side, side, base.darker()));
        g.fillRect(0, 0, side, side);
        g.setColor(new Color(0xF4EFE6));
        int size = 200;
        g.setFont(new Font(Font.SERIF, Font.BOLD, size));
        while (g.getFontMetrics().stringWidth(initials) > side * 0.7 && size > 40) {
            size -= 10;
            g.setFont(new Font(Font.SERIF, Font.BOLD, size));
        }
        java.awt.FontMetrics m = g.getFontMetrics();
        g.drawString(initials, (side - m.stringWidth(initials)) / 2, (side - m.getHeight()) / 2 + m.getAscent());
        g.dispose();
        return jpeg(img);
    }

    private static Graphics2D canvas(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    /** A small mark in the corner; the caption itself belongs in the page, not burnt into the picture. */
    private static void titleBand(Graphics2D g, String title) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        String mark = "Sitrep sample illustration";
        int w = g.getFontMetrics().stringWidth(mark);
        g.setColor(new Color(20, 20, 20, 170));
        g.fillRoundRect(WIDTH - w - 44, HEIGHT - 52, w + 28, 34, 8, 8);
        g.setColor(Color.WHITE);
        g.drawString(mark, WIDTH - w - 30, HEIGHT - 29);
    }

    private static byte[] jpeg(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
