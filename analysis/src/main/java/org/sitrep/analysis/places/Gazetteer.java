package org.sitrep.analysis.places;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sitrep.analysis.Precision;

/**
 * Place names and the features they may mean: the GeoNames extract bundled with the engine (or one
 * made with {@code sitrep gazetteer import}), plus Sitrep's curated supplement of neighbourhoods and
 * country aliases. Immutable once loaded and safe to share between threads.
 */
public final class Gazetteer {
    /** Environment variable / system property naming an imported gazetteer to use instead of the bundled one. */
    public static final String OVERRIDE = "SITREP_GAZETTEER";

    static final String BUNDLED = "/org/sitrep/analysis/places/worldwide.gaz";

    private final List<GazetteerEntry> entries;
    private final String[] nameKeys; // exact key of each entry's own name
    private final Map<String, int[]> exact;
    private final Map<String, int[]> skeleton;
    private final Map<String, Integer> countryByCode = new HashMap<>();
    private final Map<String, Integer> admin1Abbreviations = new HashMap<>(); // "ky" -> Kentucky
    private final Map<Long, Long> parentCity = new HashMap<>(); // curated neighbourhood id -> city id
    private final int maxWords;

    private Gazetteer(List<GazetteerEntry> loaded, List<GazetteerFile.Keys> loadedKeys) {
        List<GazetteerEntry> all = new ArrayList<>(loaded);
        List<GazetteerFile.Keys> keys = new ArrayList<>(loadedKeys);
        loadSupplement(all);
        for (int i = keys.size(); i < all.size(); i++) keys.add(GazetteerFile.Keys.of(all.get(i)));
        this.entries = List.copyOf(all);
        for (int i = 0; i < entries.size(); i++) {
            GazetteerEntry e = entries.get(i);
            if (e.precision() == Precision.COUNTRY && e.country().length() == 2) {
                Integer prev = countryByCode.get(e.country());
                if (prev == null
                        || "PCLI".equals(e.featureCode())
                                && !"PCLI".equals(entries.get(prev).featureCode())) countryByCode.put(e.country(), i);
            }
        }
        this.nameKeys = new String[entries.size()];
        Map<String, int[]> ex = new HashMap<>(entries.size() * 8);
        Map<String, int[]> sk = new HashMap<>(entries.size() * 8);
        int longest = 1;
        for (int i = 0; i < entries.size(); i++) {
            GazetteerFile.Keys k = keys.get(i);
            nameKeys[i] = k.exact().isEmpty() ? "" : k.exact().get(0); // the name's key is written first
            for (String key : k.exact()) {
                add(ex, key, i);
                longest = Math.max(longest, wordCount(key));
            }
            for (String key : k.skeleton()) add(sk, key, i);
        }
        addCountryAliases(ex, sk);
        this.exact = ex;
        this.skeleton = sk;
        this.maxWords = Math.min(longest, 8);
        linkParents();
        loadAbbreviations();
    }

    private static int wordCount(String key) {
        int n = 1;
        for (int i = 0; i < key.length(); i++) if (key.charAt(i) == ' ') n++;
        return n;
    }

    private static void add(Map<String, int[]> index, String key, int i) {
        int[] prev = index.get(key);
        if (prev == null) {
            index.put(key, new int[] {i});
        } else if (prev[prev.length - 1] != i) {
            int[] next = Arrays.copyOf(prev, prev.length + 1);
            next[prev.length] = i;
            index.put(key, next);
        }
    }

    // ---- loading -------------------------------------------------------------------------------

    private static volatile Gazetteer shared;

    /**
     * The gazetteer every analyzer shares: the one named by {@value #OVERRIDE} (system property or
     * environment) if set, else the bundled worldwide one. Loaded once, on first use.
     */
    public static Gazetteer worldwide() {
        Gazetteer g = shared;
        if (g == null) {
            synchronized (Gazetteer.class) {
                g = shared;
                if (g == null) shared = g = loadDefault();
            }
        }
        return g;
    }

    /** The gazetteer configuration names, freshly loaded (what {@link #worldwide()} loads once). */
    static Gazetteer loadDefault() {
        String override = System.getProperty(OVERRIDE, System.getenv(OVERRIDE));
        try {
            if (override != null && !override.isBlank()) return load(Path.of(override));
            return bundled();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load gazetteer" + (override == null ? "" : " " + override), e);
        }
    }

    /** The GeoNames extract built into the jar. */
    public static Gazetteer bundled() throws IOException {
        try (InputStream in = Gazetteer.class.getResourceAsStream(BUNDLED)) {
            if (in == null)
                throw new IOException("bundled gazetteer " + BUNDLED + " is missing: build the analysis module");
            return read(in);
        }
    }

    /** A compact file written by {@code sitrep gazetteer import}. */
    public static Gazetteer load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("no gazetteer file at " + file);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    private static Gazetteer read(InputStream in) throws IOException {
        List<GazetteerEntry> list = new ArrayList<>(160_000);
        List<GazetteerFile.Keys> keys = new ArrayList<>(160_000);
        GazetteerFile.read(in, (e, k) -> {
            list.add(e);
            keys.add(k);
        });
        return new Gazetteer(list, keys);
    }

    /** A gazetteer of just these entries (and the curated supplement): for tests and small tools. */
    public static Gazetteer of(List<GazetteerEntry> entries) {
        return new Gazetteer(
                entries, entries.stream().map(GazetteerFile.Keys::of).toList());
    }

    // ---- curated data ------------------------------------------------------------------------------

    /** Neighbourhoods and districts GeoNames' populated places lack; see supplement.tsv's header. */
    private final List<String[]> pendingParents = new ArrayList<>(); // {neighbourhood id, country, parent name}

    private void loadSupplement(List<GazetteerEntry> all) {
        long nextId = -1_000_000;
        for (String[] row : rows("supplement.tsv")) {
            if (row.length < 8) continue;
            List<String> alts = row[1].isBlank() ? List.of() : List.of(row[1].split("\\s*,\\s*"));
            long id = nextId--;
            all.add(new GazetteerEntry(
                    id,
                    row[0],
                    Double.parseDouble(row[2]),
                    Double.parseDouble(row[3]),
                    row[6],
                    row[4],
                    row[5],
                    0,
                    alts));
            if (!row[7].isBlank()) pendingParents.add(new String[] {Long.toString(id), row[4], row[7]});
        }
    }

    /** Links curated neighbourhoods to their city, by name, once the index exists. */
    private void linkParents() {
        for (String[] p : pendingParents) {
            GazetteerEntry best = null;
            for (int i : byExactKey(NameKey.exact(p[2]))) {
                GazetteerEntry e = entries.get(i);
                if (e.precision() == Precision.CITY
                        && e.country().equals(p[1])
                        && (best == null || e.population() > best.population())) best = e;
            }
            if (best != null) parentCity.put(Long.parseLong(p[0]), best.id());
        }
        pendingParents.clear();
    }

    private void loadAbbreviations() {
        for (String[] row : rows("admin1-abbreviations.tsv")) {
            if (row.length < 3) continue;
            for (int i : byExactKey(NameKey.exact(row[1]))) {
                GazetteerEntry e = entries.get(i);
                if (e.country().equals(row[0]) && e.precision() == Precision.ADMIN1) {
                    for (String a : row[2].split(",")) admin1Abbreviations.put(NameKey.exact(a), i);
                    break;
                }
            }
        }
    }

    /** The division a news-style abbreviation ("Ky.", "B.C.") stands for (key without dots), or -1. */
    public int admin1Abbreviation(String key) {
        return admin1Abbreviations.getOrDefault(key, -1);
    }

    private void addCountryAliases(Map<String, int[]> ex, Map<String, int[]> sk) {
        for (String[] row : rows("country-names.tsv")) {
            if (row.length < 2) continue;
            Integer i = countryByCode.get(row[0]);
            if (i == null) continue;
            for (String alias : row[1].split("\\s*,\\s*")) {
                List<String> words = NameKey.words(alias);
                if (words.isEmpty()) continue;
                add(ex, String.join(" ", words).intern(), i);
            }
        }
    }

    static List<String[]> rows(String resource) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) return out;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                out.add(line.split("\t", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    // ---- lookups -----------------------------------------------------------------------------------

    public int size() {
        return entries.size();
    }

    public GazetteerEntry entry(int i) {
        return entries.get(i);
    }

    /** The exact key of entry {@code i}'s own name (not its alternate names). */
    public String nameKey(int i) {
        return nameKeys[i];
    }

    /** Entries whose name or alternate name has this exact key (see {@link NameKey#exact}). */
    public int[] byExactKey(String key) {
        return exact.getOrDefault(key, EMPTY);
    }

    /** Entries whose name's skeleton is this key (see {@link NameKey#skeleton}). */
    public int[] bySkeletonKey(String key) {
        return skeleton.getOrDefault(key, EMPTY);
    }

    /** Entries named {@code name}, by exact key. */
    public List<GazetteerEntry> named(String name) {
        List<GazetteerEntry> out = new ArrayList<>();
        for (int i : byExactKey(NameKey.exact(name))) out.add(entries.get(i));
        return out;
    }

    /** The country feature for an ISO code, or -1. */
    public int country(String iso) {
        return countryByCode.getOrDefault(iso, -1);
    }

    /** The GeoNames id of the city a curated neighbourhood belongs to, or 0. */
    public long parentCity(long neighbourhoodId) {
        return parentCity.getOrDefault(neighbourhoodId, 0L);
    }

    /** Longest name in words: the matcher never looks further. */
    public int maxWords() {
        return maxWords;
    }

    private static final int[] EMPTY = new int[0];
}
