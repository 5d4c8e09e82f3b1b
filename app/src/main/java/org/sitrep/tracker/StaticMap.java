package org.sitrep.tracker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * A map drawn on the server, for places a browser map cannot go: a report's figure, an e-mail, a download. It is
 * drawn with Java2D (PNG) or written as SVG from the same offline basemap the tracker ships (Natural Earth countries
 * from {@code world-atlas}, the admin-1 borders the build reduces), so it needs no tile server and no network.
 *
 * <p>The narrow API: points (and, optionally, the box to show) in, a {@link Picture} out. Events are marked as on the
 * tracker: their type's Okabe–Ito colour <em>and</em> letter, with a legend counting them, so the map reads without
 * colour. The basemap is read once, on first use.
 */
@Component
public class StaticMap {
    public static final int DEFAULT_WIDTH = 800;
    public static final int DEFAULT_HEIGHT = 500;
    /** Shown on every map: the basemap's source must be credited wherever the picture goes. */
    public static final String CREDIT = "Basemap: Natural Earth (public domain)";
    /** Above this many points markers lose their letters (they would be unreadable); the legend still names the types. */
    static final int LETTERED_POINTS = 400;

    /** A located event: its type is its ACLED label (null or unknown: "Other"). */
    public record Point(double lat, double lon, String eventType) {}

    /** A longitude/latitude box; west may not exceed east (no box across the antimeridian). */
    public record Box(double west, double south, double east, double north) {
        public Box {
            if (!(west >= -180 && east <= 180 && south >= -85 && north <= 85 && west <= east && south <= north)) {
                throw new IllegalArgumentException(
                        "a map box must lie within -180..180, -85..85 with west ≤ east, south ≤ north");
            }
        }
    }

    /**
     * An area's change for a change map: events in the recent period against the earlier periods' average. Drawn at
     * (lat, lon) as a triangle up (more) or down (fewer), its area growing with the size of the change, and labelled
     * with the signed change, so direction never rests on colour.
     */
    public record Change(double lat, double lon, String area, long recent, double earlierAverage) {
        public long delta() {
            return Math.round(recent - earlierAverage);
        }
    }

    /** The drawn map: the same picture as PNG bytes and as SVG text, and the box it actually shows. */
    public static final class Picture {
        private final Scene scene;
        private final Box shown;
        private final int width, height;
        private byte[] png;
        private String svg;

        private Picture(Scene scene, Box shown, int width, int height) {
            this.scene = scene;
            this.shown = shown;
            this.width = width;
            this.height = height;
        }

        /**
         * Drawn when first asked for, in that format only: a download wants one of the two, and drawing the basemap's
         * coasts and borders is most of a change map's time (seconds on a loaded machine, bench/results/trends.md).
         */
        public synchronized byte[] png() {
            if (png == null) {
                BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                try {
                    scene.paint(new Java2dCanvas(g));
                } finally {
                    g.dispose();
                }
                png = StaticMap.png(image);
            }
            return png;
        }

        public synchronized String svg() {
            if (svg == null) {
                SvgCanvas canvas = new SvgCanvas(width, height, scene.title);
                scene.paint(canvas);
                svg = canvas.text();
            }
            return svg;
        }

        public Box shown() {
            return shown;
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }
    }

    private volatile Basemap basemap;

    /** Points on a map of {@code box}, or of the points themselves (a little around them) when box is null. */
    public Picture draw(List<Point> points, Box box, String title) {
        return draw(points, box, title, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    public Picture draw(List<Point> points, Box box, String title, int width, int height) {
        if (width < 100 || height < 100 || width > 4000 || height > 4000) {
            throw new IllegalArgumentException("a static map is 100 to 4000 pixels each way");
        }
        List<Point> valid = points.stream()
                .filter(p -> Double.isFinite(p.lat())
                        && Double.isFinite(p.lon())
                        && Math.abs(p.lat()) <= 85
                        && Math.abs(p.lon()) <= 180)
                .toList();
        Projection projection = Projection.fit(box != null ? box : around(valid), width, height);
        Scene scene = new Scene(basemap(), projection, valid, title == null ? "Map" : title);
        return new Picture(scene, projection.shown(), width, height);
    }

    /** A change map: each area's symbol (see {@link Change}) on the basemap of {@code box}, or around the areas. */
    public Picture drawChanges(List<Change> changes, Box box, String title) {
        return drawChanges(changes, box, title, "events");
    }

    /** The change map of a count named {@code unit} in its legend ("events", "reported deaths"). */
    public Picture drawChanges(List<Change> changes, Box box, String title, String unit) {
        List<Change> valid = changes.stream()
                .filter(c -> Double.isFinite(c.lat())
                        && Double.isFinite(c.lon())
                        && Math.abs(c.lat()) <= 85
                        && Math.abs(c.lon()) <= 180)
                .toList();
        List<Point> where =
                valid.stream().map(c -> new Point(c.lat(), c.lon(), null)).toList();
        Projection projection = Projection.fit(box != null ? box : around(where), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        Scene scene = new Scene(basemap(), projection, List.of(), title == null ? "Change map" : title);
        scene.changes = valid;
        scene.unit = unit;
        return new Picture(scene, projection.shown(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /** The box around the points, padded by a fifth and at least 4° wide; the Middle East when there are none. */
    static Box around(List<Point> points) {
        if (points.isEmpty()) return new Box(25, 12, 60, 42);
        double w = 180, e = -180, s = 85, n = -85;
        for (Point p : points) {
            w = Math.min(w, p.lon());
            e = Math.max(e, p.lon());
            s = Math.min(s, p.lat());
            n = Math.max(n, p.lat());
        }
        double padX = Math.max((e - w) * 0.2, 2), padY = Math.max((n - s) * 0.2, 2);
        return new Box(
                Math.max(-180, w - padX), Math.max(-85, s - padY), Math.min(180, e + padX), Math.min(85, n + padY));
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Basemap basemap() {
        Basemap b = basemap;
        if (b == null) {
            synchronized (this) {
                if (basemap == null) basemap = Basemap.load();
                b = basemap;
            }
        }
        return b;
    }

    /** Web Mercator, as the tracker's Leaflet map, fitted to the box with the aspect kept (one way shows more). */
    record Projection(double scale, double originX, double originY, int width, int height) {
        static Projection fit(Box box, int width, int height) {
            double x0 = x(box.west()), x1 = x(box.east()), y0 = y(box.north()), y1 = y(box.south());
            double scale = Math.min(width / Math.max(x1 - x0, 1e-6), height / Math.max(y1 - y0, 1e-6));
            double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
            return new Projection(scale, cx - width / 2.0 / scale, cy - height / 2.0 / scale, width, height);
        }

        static double x(double lon) {
            return Math.toRadians(lon);
        }

        static double y(double lat) {
            double r = Math.toRadians(Math.max(-85, Math.min(85, lat)));
            return -Math.log(Math.tan(Math.PI / 4 + r / 2));
        }

        double px(double lon) {
            return (x(lon) - originX) * scale;
        }

        double py(double lat) {
            return (y(lat) - originY) * scale;
        }

        double lon(double px) {
            return Math.toDegrees(px / scale + originX);
        }

        double lat(double py) {
            return Math.toDegrees(2 * Math.atan(Math.exp(-(py / scale + originY))) - Math.PI / 2);
        }

        Box shown() {
            return new Box(
                    Math.max(-180, lon(0)),
                    Math.max(-85, lat(height)),
                    Math.min(180, lon(width)),
                    Math.min(85, lat(0)));
        }
    }

    /** What one map holds, painted the same way on either canvas. */
    private static final class Scene {
        static final Color SEA = new Color(0xD7E6F0),
                LAND = new Color(0xF4F1EA),
                COAST = new Color(0x8A8A8A),
                ADMIN1 = new Color(0xA8A8A8),
                INK = new Color(0x1A1A1A),
                PAPER = new Color(0xFFFFFF);

        final Basemap basemap;
        final Projection p;
        final List<Point> points;
        final String title;
        List<Change> changes;
        String unit = "events";

        Scene(Basemap basemap, Projection p, List<Point> points, String title) {
            this.basemap = basemap;
            this.p = p;
            this.points = points;
            this.title = title;
        }

        void paint(Canvas c) {
            c.rect(0, 0, p.width(), p.height(), SEA, null);
            Box view = p.shown();
            Path2D land = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (double[] ring : basemap.rings) if (overlaps(ring, view)) trace(land, ring, true);
            c.path(land, LAND, COAST, 0.8f, false);
            Path2D borders = new Path2D.Double();
            for (double[] line : basemap.admin1) if (overlaps(line, view)) trace(borders, line, false);
            c.path(borders, null, ADMIN1, 0.6f, true);
            if (changes != null) {
                paintChanges(c);
                c.text(p.width() - 6, p.height() - 6, CREDIT, 11, false, INK, "end");
                return;
            }
            boolean lettered = points.size() <= LETTERED_POINTS;
            double r = lettered ? 7 : 3.5;
            Map<EventTypes.Key, Integer> counts = new LinkedHashMap<>();
            for (EventTypes.Key k : EventTypes.KEYS) counts.put(k, 0);
            for (Point pt : points) {
                EventTypes.Key key = EventTypes.of(pt.eventType());
                counts.merge(key, 1, Integer::sum);
                double x = p.px(pt.lon()), y = p.py(pt.lat());
                c.circle(x, y, r, colour(key), INK);
                if (lettered) c.text(x, y + 3.5, key.letter(), 10, true, INK, "middle");
            }
            legend(c, counts);
            c.text(p.width() - 6, p.height() - 6, CREDIT, 11, false, INK, "end");
        }

        static final Color MORE = new Color(0xD55E00), FEWER = new Color(0x0072B2);

        private void paintChanges(Canvas c) {
            long biggest = Math.max(
                    1,
                    changes.stream().mapToLong(ch -> Math.abs(ch.delta())).max().orElse(1));
            // largest first, so small symbols stay visible on top
            List<Change> ordered = new ArrayList<>(changes);
            ordered.sort((a, b) -> Long.compare(Math.abs(b.delta()), Math.abs(a.delta())));
            for (Change ch : ordered) {
                double x = p.px(ch.lon()), y = p.py(ch.lat());
                long d = ch.delta();
                double r = 5 + 17 * Math.sqrt(Math.abs(d) / (double) biggest);
                if (d == 0) {
                    c.circle(x, y, 4, PAPER, INK);
                } else {
                    c.path(triangle(x, y, r, d > 0), d > 0 ? MORE : FEWER, INK, 1f, false);
                }
                c.text(
                        x + r + 3,
                        y + 4,
                        (d > 0 ? "+" : d < 0 ? "\u2212" : "\u00b10") + (d == 0 ? "" : Long.toString(Math.abs(d))),
                        12,
                        true,
                        INK,
                        "start");
            }
            c.rect(6, 6, 330 + 7 * Math.max(0, unit.length() - 6), 48, PAPER, COAST);
            c.path(triangle(20, 20, 7, true), MORE, INK, 1f, false);
            c.text(34, 24, "More " + unit + " than the earlier monthly average", 12, false, INK, "start");
            c.path(triangle(20, 41, 7, false), FEWER, INK, 1f, false);
            c.text(34, 45, "Fewer " + unit + " (label: change in " + unit + ")", 12, false, INK, "start");
            if (changes.isEmpty())
                c.text(p.width() / 2.0, p.height() / 2.0, "No events in these periods", 14, true, INK, "middle");
        }

        private static Path2D triangle(double x, double y, double r, boolean up) {
            Path2D t = new Path2D.Double();
            double s = up ? -1 : 1;
            t.moveTo(x, y + s * r);
            t.lineTo(x - r * 0.95, y - s * r * 0.6);
            t.lineTo(x + r * 0.95, y - s * r * 0.6);
            t.closePath();
            return t;
        }

        private void legend(Canvas c, Map<EventTypes.Key, Integer> counts) {
            List<String> lines = new ArrayList<>();
            List<EventTypes.Key> keys = new ArrayList<>();
            counts.forEach((k, n) -> {
                if (n > 0) {
                    keys.add(k);
                    lines.add(k.name() + ": " + n);
                }
            });
            if (keys.isEmpty()) {
                c.rect(6, 6, 150, 22, PAPER, COAST);
                c.text(12, 21, "No located events", 12, false, INK, "start");
                return;
            }
            double h = 8 + 18 * keys.size();
            c.rect(6, 6, 260, h, PAPER, COAST);
            for (int i = 0; i < keys.size(); i++) {
                double y = 6 + 13 + 18 * i;
                c.circle(20, y, 7, colour(keys.get(i)), INK);
                c.text(20, y + 3.5, keys.get(i).letter(), 10, true, INK, "middle");
                c.text(34, y + 4, lines.get(i), 12, false, INK, "start");
            }
        }

        private static boolean overlaps(double[] coords, Box view) {
            // coords: lon, lat pairs, bounds kept in the first four slots
            return !(coords[2] < view.west()
                    || coords[0] > view.east()
                    || coords[3] < view.south()
                    || coords[1] > view.north());
        }

        /** A ring or line in pixels, leaving out points under half a pixel from the last one kept. */
        private void trace(Path2D path, double[] coords, boolean close) {
            double lastX = Double.NaN, lastY = Double.NaN;
            boolean started = false;
            for (int i = 4; i + 1 < coords.length; i += 2) {
                double x = p.px(coords[i]), y = p.py(coords[i + 1]);
                if (!started) {
                    path.moveTo(x, y);
                    started = true;
                } else if (Math.abs(x - lastX) + Math.abs(y - lastY) < 0.5 && i + 2 < coords.length) {
                    continue;
                } else {
                    path.lineTo(x, y);
                }
                lastX = x;
                lastY = y;
            }
            if (started && close) path.closePath();
        }
    }

    static Color colour(EventTypes.Key key) {
        return switch (key.css()) {
            case "battles" -> new Color(0xE69F00);
            case "explosions" -> new Color(0xD55E00);
            case "civilians" -> new Color(0xCC79A7);
            case "protests" -> new Color(0x56B4E9);
            case "riots" -> new Color(0xF0E442);
            case "strategic" -> new Color(0x009E73);
            default -> Color.WHITE;
        };
    }

    /** The drawing operations a scene needs, so the PNG and the SVG are one drawing. */
    interface Canvas {
        void rect(double x, double y, double w, double h, Color fill, Color stroke);

        void path(Path2D path, Color fill, Color stroke, float width, boolean dashed);

        void circle(double x, double y, double r, Color fill, Color stroke);

        /** A rectangle in an event type's colour and its pattern, so bars read without colour. */
        void typeRect(double x, double y, double w, double h, EventTypes.Key key);

        /** anchor: start, middle or end (SVG's text-anchor). */
        void text(double x, double y, String text, int size, boolean bold, Color colour, String anchor);
    }

    static final class Java2dCanvas implements Canvas {
        private final Graphics2D g;

        Java2dCanvas(Graphics2D g) {
            this.g = g;
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        }

        public void rect(double x, double y, double w, double h, Color fill, Color stroke) {
            Rectangle2D r = new Rectangle2D.Double(x, y, w, h);
            if (fill != null) {
                g.setColor(fill);
                g.fill(r);
            }
            if (stroke != null) {
                g.setColor(stroke);
                g.setStroke(new BasicStroke(1f));
                g.draw(r);
            }
        }

        public void path(Path2D path, Color fill, Color stroke, float width, boolean dashed) {
            if (fill != null) {
                g.setColor(fill);
                g.fill(path);
            }
            if (stroke != null) {
                g.setColor(stroke);
                g.setStroke(
                        dashed
                                ? new BasicStroke(
                                        width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 4, new float[] {4, 3}, 0)
                                : new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(path);
            }
        }

        public void circle(double x, double y, double r, Color fill, Color stroke) {
            Ellipse2D e = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
            g.setColor(fill);
            g.fill(e);
            g.setColor(stroke);
            g.setStroke(new BasicStroke(1f));
            g.draw(e);
        }

        public void typeRect(double x, double y, double w, double h, EventTypes.Key key) {
            BufferedImage tile = new BufferedImage(6, 6, BufferedImage.TYPE_INT_RGB);
            Graphics2D t = tile.createGraphics();
            t.setColor(colour(key));
            t.fillRect(0, 0, 6, 6);
            t.setColor(new Color(0x1A1A1A));
            String pattern = pattern(key);
            if (pattern.contains("h")) t.fillRect(0, 0, 6, 1);
            if (pattern.contains("v")) t.fillRect(0, 0, 1, 6);
            if (pattern.contains("d")) for (int i = 0; i < 6; i++) t.fillRect(i, 5 - i, 1, 1);
            if (pattern.contains("o")) t.fillRect(2, 2, 2, 2);
            t.dispose();
            Rectangle2D r = new Rectangle2D.Double(x, y, w, h);
            g.setPaint(new java.awt.TexturePaint(tile, new Rectangle2D.Double(0, 0, 6, 6)));
            g.fill(r);
            g.setColor(new Color(0x1A1A1A));
            g.setStroke(new BasicStroke(0.7f));
            g.draw(r);
        }

        public void text(double x, double y, String text, int size, boolean bold, Color colour, String anchor) {
            g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size));
            FontMetrics m = g.getFontMetrics();
            double w = m.stringWidth(text);
            double left =
                    switch (anchor) {
                        case "middle" -> x - w / 2;
                        case "end" -> x - w;
                        default -> x;
                    };
            g.setColor(colour);
            g.drawString(text, (float) left, (float) y);
        }
    }

    static final class SvgCanvas implements Canvas {
        private final StringBuilder out = new StringBuilder(64 * 1024);

        SvgCanvas(int width, int height, String title) {
            this(width, height, title, "static-map-title");
        }

        SvgCanvas(int width, int height, String title, String titleId) {
            out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                    .append(width)
                    .append("\" height=\"")
                    .append(height)
                    .append("\" viewBox=\"0 0 ")
                    .append(width)
                    .append(' ')
                    .append(height)
                    .append("\" role=\"img\" aria-labelledby=\"")
                    .append(titleId)
                    .append("\" font-family=\"sans-serif\">")
                    .append("<title id=\"")
                    .append(titleId)
                    .append("\">")
                    .append(escape(title))
                    .append("</title>")
                    .append(PATTERN_DEFS);
        }

        String text() {
            return out + "</svg>";
        }

        public void rect(double x, double y, double w, double h, Color fill, Color stroke) {
            out.append("<rect x=\"")
                    .append(n(x))
                    .append("\" y=\"")
                    .append(n(y))
                    .append("\" width=\"")
                    .append(n(w))
                    .append("\" height=\"")
                    .append(n(h))
                    .append("\" fill=\"")
                    .append(fill == null ? "none" : hex(fill))
                    .append('"');
            if (stroke != null) out.append(" stroke=\"").append(hex(stroke)).append('"');
            out.append("/>");
        }

        public void path(Path2D path, Color fill, Color stroke, float width, boolean dashed) {
            StringBuilder d = new StringBuilder();
            double[] c = new double[6];
            for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
                switch (it.currentSegment(c)) {
                    case PathIterator.SEG_MOVETO ->
                        d.append('M').append(n(c[0])).append(' ').append(n(c[1]));
                    case PathIterator.SEG_LINETO ->
                        d.append('L').append(n(c[0])).append(' ').append(n(c[1]));
                    case PathIterator.SEG_CLOSE -> d.append('Z');
                    default -> {}
                }
            }
            if (d.length() == 0) return;
            out.append("<path d=\"")
                    .append(d)
                    .append("\" fill=\"")
                    .append(fill == null ? "none" : hex(fill))
                    .append("\" fill-rule=\"evenodd\"");
            if (stroke != null) {
                out.append(" stroke=\"")
                        .append(hex(stroke))
                        .append("\" stroke-width=\"")
                        .append(n(width))
                        .append("\" stroke-linejoin=\"round\"");
                if (dashed) out.append(" stroke-dasharray=\"4 3\"");
            }
            out.append("/>");
        }

        public void circle(double x, double y, double r, Color fill, Color stroke) {
            out.append("<circle cx=\"")
                    .append(n(x))
                    .append("\" cy=\"")
                    .append(n(y))
                    .append("\" r=\"")
                    .append(n(r))
                    .append("\" fill=\"")
                    .append(hex(fill))
                    .append("\" stroke=\"")
                    .append(hex(stroke))
                    .append("\"/>");
        }

        public void typeRect(double x, double y, double w, double h, EventTypes.Key key) {
            out.append("<rect x=\"")
                    .append(n(x))
                    .append("\" y=\"")
                    .append(n(y))
                    .append("\" width=\"")
                    .append(n(w))
                    .append("\" height=\"")
                    .append(n(h))
                    .append("\" fill=\"url(#pattern-")
                    .append(key.css())
                    .append(")\" stroke=\"#1a1a1a\" stroke-width=\"0.7\"/>");
        }

        public void text(double x, double y, String text, int size, boolean bold, Color colour, String anchor) {
            out.append("<text x=\"")
                    .append(n(x))
                    .append("\" y=\"")
                    .append(n(y))
                    .append("\" font-size=\"")
                    .append(size)
                    .append("\" fill=\"")
                    .append(hex(colour))
                    .append("\" text-anchor=\"")
                    .append(anchor)
                    .append('"');
            if (bold) out.append(" font-weight=\"bold\"");
            out.append('>').append(escape(text)).append("</text>");
        }

        private static String n(double v) {
            return String.format(Locale.ROOT, "%.1f", v);
        }

        private static String hex(Color c) {
            return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
        }
    }

    /** Each type's fill pattern on top of its colour: h horizontal, v vertical, d diagonal lines, o dots (none: solid). */
    static String pattern(EventTypes.Key key) {
        return switch (key.css()) {
            case "explosions" -> "d";
            case "civilians" -> "h";
            case "protests" -> "o";
            case "riots" -> "hv";
            case "strategic" -> "v";
            default -> "";
        };
    }

    /** The SVG patterns {@link Canvas#typeRect} fills with, one per type, the same 6-pixel tiles the PNG uses. */
    private static final String PATTERN_DEFS = patternDefs();

    private static String patternDefs() {
        StringBuilder b = new StringBuilder("<defs>");
        List<EventTypes.Key> keys = new ArrayList<>(EventTypes.KEYS);
        keys.add(EventTypes.of(null));
        for (EventTypes.Key k : keys) {
            Color c = colour(k);
            b.append("<pattern id=\"pattern-")
                    .append(k.css())
                    .append("\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">")
                    .append(String.format(
                            Locale.ROOT,
                            "<rect width=\"6\" height=\"6\" fill=\"#%02x%02x%02x\"/>",
                            c.getRed(),
                            c.getGreen(),
                            c.getBlue()));
            String p = pattern(k);
            if (p.contains("h")) b.append("<rect width=\"6\" height=\"1\" fill=\"#1a1a1a\"/>");
            if (p.contains("v")) b.append("<rect width=\"1\" height=\"6\" fill=\"#1a1a1a\"/>");
            if (p.contains("d")) b.append("<path d=\"M0 6L6 0\" stroke=\"#1a1a1a\" stroke-width=\"1\"/>");
            if (p.contains("o")) b.append("<rect x=\"2\" y=\"2\" width=\"2\" height=\"2\" fill=\"#1a1a1a\"/>");
            b.append("</pattern>");
        }
        return b.append("</defs>").toString();
    }

    /** Text for SVG/XML: the five markup characters escaped, control characters dropped. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (ch >= 0x20 || ch == '\t' || ch == '\n') b.append(ch);
                }
            }
        }
        return b.toString();
    }

    /**
     * The basemap in degrees: country rings from world-atlas's TopoJSON (arcs decoded from their quantised deltas,
     * each ring made continuous across the antimeridian as the tracker's script does, Antarctica left out) and the
     * admin-1 borders. Each array holds its bounds (west, south, east, north) and then lon, lat pairs.
     */
    static final class Basemap {
        final List<double[]> rings;
        final List<double[]> admin1;

        Basemap(List<double[]> rings, List<double[]> admin1) {
            this.rings = rings;
            this.admin1 = admin1;
        }

        static Basemap load() {
            ObjectMapper json = new ObjectMapper();
            try (InputStream countries =
                            new ClassPathResource("static/tracker/vendor/countries-50m.json").getInputStream();
                    InputStream borders =
                            new ClassPathResource("static/tracker/vendor/admin1-borders.json").getInputStream()) {
                return new Basemap(countryRings(json.readTree(countries)), admin1Lines(json.readTree(borders)));
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "the tracker's basemap is missing from the build (static/tracker/vendor)", e);
            }
        }

        static List<double[]> countryRings(JsonNode topology) {
            JsonNode t = topology.path("transform");
            double sx = t.path("scale").path(0).asDouble(1),
                    sy = t.path("scale").path(1).asDouble(1);
            double tx = t.path("translate").path(0).asDouble(0),
                    ty = t.path("translate").path(1).asDouble(0);
            boolean quantised = t.isObject();
            List<double[]> arcs = new ArrayList<>();
            for (JsonNode arc : topology.path("arcs")) {
                double[] xy = new double[arc.size() * 2];
                double x = 0, y = 0;
                for (int i = 0; i < arc.size(); i++) {
                    if (quantised) {
                        x += arc.get(i).get(0).asDouble();
                        y += arc.get(i).get(1).asDouble();
                        xy[2 * i] = x * sx + tx;
                        xy[2 * i + 1] = y * sy + ty;
                    } else {
                        xy[2 * i] = arc.get(i).get(0).asDouble();
                        xy[2 * i + 1] = arc.get(i).get(1).asDouble();
                    }
                }
                arcs.add(xy);
            }
            List<double[]> rings = new ArrayList<>();
            for (JsonNode g : topology.path("objects").path("countries").path("geometries")) {
                if ("Antarctica".equals(g.path("properties").path("name").asText())) continue;
                List<JsonNode> polygons = new ArrayList<>();
                if ("Polygon".equals(g.path("type").asText())) polygons.add(g.path("arcs"));
                else if ("MultiPolygon".equals(g.path("type").asText()))
                    g.path("arcs").forEach(polygons::add);
                for (JsonNode polygon : polygons) {
                    for (JsonNode ring : polygon) rings.add(withBounds(continuous(stitch(ring, arcs))));
                }
            }
            return rings;
        }

        /** A ring from its arcs: a negative index ~i is arc i reversed; each arc after the first drops its first point. */
        private static double[] stitch(JsonNode ringArcs, List<double[]> arcs) {
            List<Double> coords = new ArrayList<>();
            for (JsonNode a : ringArcs) {
                int index = a.asInt();
                double[] arc = arcs.get(index >= 0 ? index : ~index);
                int n = arc.length / 2;
                for (int k = 0; k < n; k++) {
                    if (k == 0 && !coords.isEmpty()) continue;
                    int at = index >= 0 ? k : n - 1 - k;
                    coords.add(arc[2 * at]);
                    coords.add(arc[2 * at + 1]);
                }
            }
            double[] out = new double[coords.size()];
            for (int i = 0; i < out.length; i++) out[i] = coords.get(i);
            return out;
        }

        /** A point more than 180° from the previous one moves by 360°, so no edge crosses the whole map. */
        private static double[] continuous(double[] xy) {
            for (int i = 2; i + 1 < xy.length; i += 2) {
                double d = xy[i] - xy[i - 2];
                if (d > 180) xy[i] -= 360;
                else if (d < -180) xy[i] += 360;
            }
            return xy;
        }

        static List<double[]> admin1Lines(JsonNode collection) {
            List<double[]> lines = new ArrayList<>();
            for (JsonNode f : collection.path("features")) {
                JsonNode g = f.path("geometry");
                if (!"MultiLineString".equals(g.path("type").asText())) continue;
                for (JsonNode line : g.path("coordinates")) {
                    double[] xy = new double[line.size() * 2];
                    for (int i = 0; i < line.size(); i++) {
                        xy[2 * i] = line.get(i).get(0).asDouble();
                        xy[2 * i + 1] = line.get(i).get(1).asDouble();
                    }
                    lines.add(withBounds(xy));
                }
            }
            return lines;
        }

        private static double[] withBounds(double[] xy) {
            double w = Double.MAX_VALUE, s = Double.MAX_VALUE, e = -Double.MAX_VALUE, n = -Double.MAX_VALUE;
            for (int i = 0; i + 1 < xy.length; i += 2) {
                w = Math.min(w, xy[i]);
                e = Math.max(e, xy[i]);
                s = Math.min(s, xy[i + 1]);
                n = Math.max(n, xy[i + 1]);
            }
            double[] out = new double[xy.length + 4];
            out[0] = w;
            out[1] = s;
            out[2] = e;
            out[3] = n;
            System.arraycopy(xy, 0, out, 4, xy.length);
            return out;
        }
    }
}
