package org.sitrep.analysis.places;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads GeoNames' dump format (https://download.geonames.org/export/dump/ readme): the 19-column
 * feature files (allCountries.txt, cities500/1000/….txt, XX.txt), admin1CodesASCII.txt,
 * admin2Codes.txt, alternateNamesV2.txt and countryInfo.txt, keeping what a news geoparser needs:
 * populated places above a population, first- and second-level divisions and countries. Divisions
 * and countries that the feature file lacks are placed at the mean position of their places.
 */
public final class GeoNamesDump {
    private static final Pattern TAB = Pattern.compile("\t");
    private static final Set<String> SKIPPED_LANGUAGES =
            Set.of("link", "post", "iata", "icao", "faac", "abbr", "wkdt", "unlc", "phon", "piny", "tcid", "fr_1793");
    private static final Pattern ADMIN_SUFFIX = Pattern.compile(
            "(?i)\\s+(governorate|province|region|oblast'?|prefecture|department|district|municipality|emirate|wilayah?)$");

    private final Map<String, String[]> admin1 = new HashMap<>(); // "SY.09" -> {name, geonameid}
    private final Map<String, String[]> admin2 = new HashMap<>(); // "SY.09.167355" -> {name, geonameid}
    private final Map<String, String[]> countryInfo = new HashMap<>(); // "SY" -> {name, geonameid}
    private final Map<Long, Feature> features = new LinkedHashMap<>();

    /** A feature being assembled: its alternate names grow as the alternate-name file is read. */
    private static final class Feature {
        long id;
        String name;
        double lat, lon;
        String code, country, admin1Code, admin2Code;
        long population;
        final Set<String> alternates = new LinkedHashSet<>();
    }

    /** Reads every GeoNames file found in {@code dir}; fails when it holds no feature file. */
    public static List<GazetteerEntry> readDirectory(Path dir, long minPopulation) throws IOException {
        GeoNamesDump dump = new GeoNamesDump();
        Path a1 = dir.resolve("admin1CodesASCII.txt");
        if (Files.isRegularFile(a1)) dump.readAdminCodes(a1, dump.admin1);
        Path a2 = dir.resolve("admin2Codes.txt");
        if (Files.isRegularFile(a2)) dump.readAdminCodes(a2, dump.admin2);
        Path ci = dir.resolve("countryInfo.txt");
        if (Files.isRegularFile(ci)) dump.readCountryInfo(ci);
        List<Path> featureFiles = featureFiles(dir);
        if (featureFiles.isEmpty())
            throw new IOException("no GeoNames feature file (allCountries.txt, cities1000.txt, XX.txt) in " + dir);
        for (Path f : featureFiles) dump.readFeatures(f, cc -> false, minPopulation);
        for (String alt : List.of("alternateNamesV2.txt", "alternateNames.txt")) {
            Path p = dir.resolve(alt);
            if (Files.isRegularFile(p)) {
                dump.readAlternateNames(p);
                break;
            }
        }
        return dump.entries();
    }

    static List<Path> featureFiles(Path dir) throws IOException {
        Path all = dir.resolve("allCountries.txt");
        if (Files.isRegularFile(all)) return List.of(all);
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                        String n = p.getFileName().toString();
                        return n.matches("cities\\d+\\.txt") || n.matches("[A-Z]{2}\\.txt");
                    })
                    .sorted()
                    .toList();
        }
    }

    void readAdminCodes(Path file, Map<String, String[]> into) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] c = TAB.split(line, -1);
                if (c.length >= 2 && !c[0].isBlank()) into.put(c[0], new String[] {c[1], c.length > 3 ? c[3] : ""});
            }
        }
    }

    /** Admin names from another source (the bundled build reads them from JSON). */
    void putAdmin1(String code, String name) {
        admin1.putIfAbsent(code, new String[] {name, ""});
    }

    void putAdmin2(String code, String name) {
        admin2.putIfAbsent(code, new String[] {name, ""});
    }

    void readCountryInfo(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("#")) continue;
                String[] c = TAB.split(line, -1);
                if (c.length > 16 && c[0].length() == 2) countryInfo.put(c[0], new String[] {c[4], c[16]});
            }
        }
    }

    /**
     * Reads a 19-column feature file: populated places of at least {@code minPopulation} (capitals
     * and division seats always; a place in a country {@code keepAll} accepts at any population),
     * divisions (ADM1, ADM2) and countries. Malformed lines are skipped.
     */
    void readFeatures(Path file, java.util.function.Predicate<String> keepAllIn, long minPopulation)
            throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] c = TAB.split(line, -1);
                if (c.length < 15) continue;
                String cls = c[6], code = c[7];
                long pop = parseLong(c[14]);
                boolean keep =
                        switch (cls) {
                            case "P" ->
                                pop >= minPopulation
                                        || code.equals("PPLC")
                                        || code.equals("PPLA")
                                        || keepAllIn.test(c[8]);
                            case "A" ->
                                code.equals("ADM1")
                                        || code.equals("ADM2")
                                        || code.startsWith("PCL")
                                        || code.equals("TERR");
                            default -> false;
                        };
                if (!keep) continue;
                try {
                    Feature f = new Feature();
                    f.id = Long.parseLong(c[0]);
                    f.name = c[1];
                    f.lat = Double.parseDouble(c[4]);
                    f.lon = Double.parseDouble(c[5]);
                    f.code = code.isEmpty() ? "PPL" : code;
                    f.country = c[8];
                    f.admin1Code = c[10];
                    f.admin2Code = c[11];
                    f.population = pop;
                    if (!c[2].equals(c[1])) addAlternate(f, c[2]);
                    if (!c[3].isEmpty()) for (String a : c[3].split(",")) addAlternate(f, a);
                    features.put(f.id, f);
                } catch (NumberFormatException bad) {
                    // a broken row is skipped, not fatal
                }
            }
        }
    }

    /** alternateNamesV2.txt: id, geonameid, language, name, preferred, short, colloquial, historic, from, to. */
    void readAlternateNames(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] c = TAB.split(line, -1);
                if (c.length < 4 || SKIPPED_LANGUAGES.contains(c[2])) continue;
                Feature f = features.get(parseLong(c[1]));
                if (f != null && !c[3].equals(f.name)) addAlternate(f, c[3]);
            }
        }
    }

    private static void addAlternate(Feature f, String name) {
        String n = name.trim();
        if (GazetteerEntry.usableName(n) && !n.equals(f.name)) f.alternates.add(n);
    }

    private static long parseLong(String s) {
        try {
            return s.isEmpty() ? 0 : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Adds a country at a given position unless the feature file had it. */
    void putCountry(String iso, String name, double lat, double lon) {
        Feature f = new Feature();
        f.id = -(1000L + iso.charAt(0) * 128L + iso.charAt(1));
        f.name = name;
        f.lat = lat;
        f.lon = lon;
        f.code = "PCLI";
        f.country = iso;
        f.admin1Code = "";
        f.admin2Code = "";
        countries.put(iso, f);
    }

    private final Map<String, Feature> countries = new HashMap<>();

    /** Interior points of first-level divisions, by GeoNames admin1 code ("CA.03"): see {@link #placeAdmin1}. */
    private final Map<String, double[]> admin1Points = new HashMap<>();

    /**
     * Places a first-level division that has no point of its own in the source (the bundled build's
     * divisions are names only) at an interior point of its area instead of the middle of its places'
     * extent: one convention for areas, as near GeoNames' own points for divisions as a free source gets.
     */
    void placeAdmin1(String code, double lat, double lon) {
        admin1Points.put(code, new double[] {lat, lon});
    }

    /** Moves a country added by {@link #putCountry} to another representative point. */
    void moveCountry(String iso, double lat, double lon) {
        Feature f = countries.get(iso);
        if (f == null) return;
        f.lat = lat;
        f.lon = lon;
    }

    /** The entries: features read, plus divisions and countries placed where their places are. */
    List<GazetteerEntry> entries() {
        Map<String, double[]> a1Sum = new HashMap<>(), a2Sum = new HashMap<>(), ccSum = new HashMap<>();
        Set<String> haveAdm1 = new java.util.HashSet<>(),
                haveAdm2 = new java.util.HashSet<>(),
                haveCountry = new java.util.HashSet<>();
        for (Feature f : features.values()) {
            String k1 = f.country + "." + f.admin1Code, k2 = k1 + "." + f.admin2Code;
            switch (f.code) {
                case "ADM1" -> haveAdm1.add(k1);
                case "ADM2" -> haveAdm2.add(k2);
                default -> {
                    if (f.code.startsWith("PCL") || f.code.equals("TERR")) haveCountry.add(f.country);
                    else {
                        sum(a1Sum, k1, f);
                        sum(a2Sum, k2, f);
                        sum(ccSum, f.country, f);
                    }
                }
            }
        }
        List<GazetteerEntry> out = new ArrayList<>(features.size() + 60_000);
        for (Feature f : features.values()) out.add(entry(f));
        long synthetic = -10_000_000;
        for (Map.Entry<String, double[]> e : a1Sum.entrySet()) {
            String[] name = admin1.get(e.getKey());
            if (name == null || haveAdm1.contains(e.getKey())) continue;
            double[] s = e.getValue();
            String cc = e.getKey().substring(0, 2);
            long id = name[1].isEmpty() ? synthetic-- : parseLong(name[1]);
            double[] point = admin1Points.get(e.getKey());
            out.add(new GazetteerEntry(
                    id,
                    name[0],
                    point != null ? point[0] : centreLat(s),
                    point != null ? point[1] : centreLon(s),
                    "ADM1",
                    cc,
                    name[0],
                    (long) s[3],
                    adminAlternates(name[0])));
        }
        for (Map.Entry<String, double[]> e : a2Sum.entrySet()) {
            String[] name = admin2.get(e.getKey());
            if (name == null || haveAdm2.contains(e.getKey())) continue;
            double[] s = e.getValue();
            String cc = e.getKey().substring(0, 2);
            String a1Code = e.getKey().substring(0, e.getKey().lastIndexOf('.'));
            String[] a1 = admin1.get(a1Code);
            long id = name[1].isEmpty() ? synthetic-- : parseLong(name[1]);
            out.add(new GazetteerEntry(
                    id,
                    name[0],
                    centreLat(s),
                    centreLon(s),
                    "ADM2",
                    cc,
                    a1 == null ? "" : a1[0],
                    (long) s[3],
                    adminAlternates(name[0])));
        }
        for (Feature c : countries.values()) if (!haveCountry.contains(c.country)) out.add(entry(c));
        for (Map.Entry<String, String[]> e : countryInfo.entrySet()) {
            double[] s = ccSum.get(e.getKey());
            if (s == null || haveCountry.contains(e.getKey()) || countries.containsKey(e.getKey())) continue;
            long id = parseLong(e.getValue()[1]);
            out.add(new GazetteerEntry(
                    id == 0 ? synthetic-- : id,
                    e.getValue()[0],
                    centreLat(s),
                    centreLon(s),
                    "PCLI",
                    e.getKey(),
                    "",
                    (long) s[3],
                    List.of()));
        }
        return out;
    }

    private GazetteerEntry entry(Feature f) {
        String[] a1 = admin1.get(f.country + "." + f.admin1Code);
        String admin1Name = f.code.equals("ADM1") ? f.name : a1 == null ? "" : a1[0];
        List<String> alts = new ArrayList<>(f.alternates);
        if (f.code.startsWith("ADM")) for (String a : adminAlternates(f.name)) if (!alts.contains(a)) alts.add(a);
        return new GazetteerEntry(f.id, f.name, f.lat, f.lon, f.code, f.country, admin1Name, f.population, alts);
    }

    /** "Idlib Governorate" is also just "Idlib" when the text says "Idlib province". */
    static List<String> adminAlternates(String name) {
        String bare = ADMIN_SUFFIX.matcher(name).replaceFirst("");
        return bare.equals(name) || bare.isBlank() ? List.of() : List.of(bare);
    }

    /**
     * Where a division without its own point is placed: the middle of its places' extent, nearer the
     * middle of its area than their mean (which leans to where people live), unless it straddles the
     * antimeridian.
     */
    private static double centreLat(double[] s) {
        return (s[4] + s[5]) / 2;
    }

    private static double centreLon(double[] s) {
        return s[7] - s[6] > 180 ? s[1] / s[2] : (s[6] + s[7]) / 2;
    }

    private static void sum(Map<String, double[]> sums, String key, Feature f) {
        double[] s = sums.computeIfAbsent(key, k -> new double[] {0, 0, 0, 0, 90, -90, 180, -180});
        s[0] += f.lat;
        s[1] += f.lon;
        s[2] += 1;
        s[3] += f.population;
        s[4] = Math.min(s[4], f.lat);
        s[5] = Math.max(s[5], f.lat);
        s[6] = Math.min(s[6], f.lon);
        s[7] = Math.max(s[7], f.lon);
    }
}
