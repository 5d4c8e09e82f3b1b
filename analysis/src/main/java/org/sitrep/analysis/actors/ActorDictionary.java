package org.sitrep.analysis.actors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sitrep.analysis.ActorKind;

/**
 * The actor dictionary: named actors with their aliases, generic mentions ("the regime", "rebels")
 * with the role they play, per-country defaults for those roles, and nationalities ("Burmese
 * troops"). All of it comes from the data files described in the resources' README.
 */
public final class ActorDictionary {

    /** A named actor. */
    public record Entry(String canonical, ActorKind kind, String side, String country) {}

    /** A country with its names and demonyms. */
    public record Country(String iso2, String name) {}

    /** What a matched phrase stands for: a named actor, a generic role, a nationality + role, or a country name. */
    public sealed interface Meaning permits Named, Generic, Nationality, CountryName {}

    public record Named(Entry entry, String alias) implements Meaning {}

    public record Generic(String role) implements Meaning {}

    public record Nationality(Country country, String role) implements Meaning {}

    public record CountryName(Country country) implements Meaning {}

    private static final String BASE = "/org/sitrep/analysis/actors/";
    /** Extra dictionary files or directories, separated by the path separator. */
    public static final String EXTRA_PROPERTY = "sitrep.actors";

    private final Map<String, Entry> named = new LinkedHashMap<>();
    private final Map<String, List<String>> aliases = new LinkedHashMap<>();
    private final Map<String, String> generic = new LinkedHashMap<>();
    private final Map<String, String[]> defaults = new LinkedHashMap<>();
    private final Map<String, Country> countries = new LinkedHashMap<>();
    /** Singular demonyms in lower case ("russian", "syrian") and their country. */
    private final Map<String, Country> demonyms = new HashMap<>();

    private final PhraseMatcher<Meaning> matcher = new PhraseMatcher<>();

    private ActorDictionary() {}

    /** The built-in dictionary plus the files named by {@value #EXTRA_PROPERTY}, if set. */
    public static ActorDictionary load() {
        List<Path> extra = new ArrayList<>();
        String prop = System.getProperty(EXTRA_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            for (String p : prop.split(java.io.File.pathSeparator)) if (!p.isBlank()) extra.add(Path.of(p.strip()));
        }
        return load(extra);
    }

    /** The built-in dictionary plus extra named-actor files (or directories of {@code *.tsv}). */
    public static ActorDictionary load(List<Path> extra) {
        ActorDictionary d = new ActorDictionary();
        for (String file : lines(resource("index.txt"))) d.readNamed(lines(resource(file.strip())));
        for (Path p : extra) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.toString().endsWith(".tsv")).sorted().forEach(f -> d.readNamed(lines(f)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list actor dictionary " + p, e);
                }
            } else {
                d.readNamed(lines(p));
            }
        }
        for (String[] f : rows(lines(resource("generic.tsv")), 2)) d.generic.put(f[0], f[1]);
        for (String[] f : rows(lines(resource("defaults.tsv")), 5)) d.defaults.put(f[0] + "|" + f[1], f);
        for (String[] f : rows(lines(resource("countries.tsv")), 3)) {
            Country c = new Country(f[0], f[1].split("\\|")[0]);
            d.countries.put(c.iso2(), c);
        }
        d.buildMatcher(rows(lines(resource("countries.tsv")), 3), rows(lines(resource("forces.tsv")), 2));
        return d;
    }

    private void readNamed(List<String> lines) {
        for (String[] f : rows(lines, 5)) {
            Entry e = new Entry(f[0], kind(f[1]), f[2], f[3].isBlank() ? null : f[3].toUpperCase(Locale.ROOT));
            named.put(e.canonical(), e);
            List<String> list = new ArrayList<>();
            list.add(e.canonical());
            for (String a : f[4].split("\\|")) if (!a.isBlank()) list.add(a.strip());
            aliases.put(e.canonical(), list);
        }
    }

    private void buildMatcher(List<String[]> countryRows, List<String[]> forceRows) {
        // Nationalities first: a named alias for the same phrase ("Israeli troops") is added later and
        // both meanings are kept; the finder prefers the named one.
        for (String[] f : countryRows) {
            Country c = countries.get(f[0]);
            for (String name : f[1].split("\\|")) addPhrase(name, new CountryName(c));
            for (String demonym : f[2].split("\\|")) {
                if (!demonym.isBlank()) demonyms.putIfAbsent(demonym.strip().toLowerCase(Locale.ROOT), c);
                // "Turks", "Serbs": a plural demonym alone is the people of a country
                if (demonym.endsWith("s") && !isAcronym(demonym) && !demonym.endsWith("ss")) {
                    addPhrase(demonym, new Nationality(c, "civilians"));
                }
                // "Palestinians", "Iraqis": the people of a country
                if (!demonym.endsWith("ese")
                        && !demonym.endsWith("sh")
                        && !demonym.endsWith("ch")
                        && !demonym.endsWith("s")
                        && !isAcronym(demonym)) {
                    addPhrase(demonym + "s", new Nationality(c, "civilians"));
                }
                for (String[] force : forceRows) {
                    Nationality n = new Nationality(c, force[1]);
                    addPhrase(demonym + " " + force[0], n);
                    addPhrase(demonym + "-led " + force[0], n);
                }
            }
        }
        generic.forEach((phrase, role) -> matcher.add(phrase, false, new Generic(role)));
        aliases.forEach((canonical, list) -> {
            Entry e = named.get(canonical);
            for (String alias : list) {
                for (String variant : articleVariants(alias)) addPhrase(variant, new Named(e, alias));
            }
        });
    }

    private void addPhrase(String phrase, Meaning meaning) {
        matcher.add(phrase, isAcronym(phrase), meaning);
    }

    /** Written in capitals only (IS, SAA, U.S.): an acronym, matched with its capitals. */
    static boolean isAcronym(String phrase) {
        boolean letters = false;
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (Character.isLowerCase(c)) return false;
            if (Character.isLetter(c)) letters = true;
        }
        return letters;
    }

    private static final Pattern ARTICLE = Pattern.compile("(?i)\\b(al|el)[- ](?=(\\p{L}+))");

    /**
     * "Jabhat al-Nusra" is also written "Jabhat el-Nusra", "Jabhat an-Nusra"; "al-Nusra" also "Nusra".
     */
    static List<String> articleVariants(String alias) {
        List<String> out = new ArrayList<>();
        out.add(alias);
        Matcher m = ARTICLE.matcher(alias);
        if (!m.find()) return out;
        String next = m.group(2).toLowerCase(Locale.ROOT);
        String sun = next.startsWith("sh") || next.startsWith("th") || next.startsWith("dh")
                ? next.substring(0, 2)
                : "tdrzsn".indexOf(next.charAt(0)) >= 0 ? next.substring(0, 1) : null;
        String before = alias.substring(0, m.start());
        String after = alias.substring(m.end());
        out.add(before + "el-" + after);
        if (sun != null) out.add(before + "a" + sun + "-" + after);
        if (m.start() == 0) out.add(after);
        return out;
    }

    public PhraseMatcher<Meaning> matcher() {
        return matcher;
    }

    public Entry named(String canonical) {
        return named.get(canonical);
    }

    public Country country(String iso2) {
        return iso2 == null ? null : countries.get(iso2);
    }

    /**
     * The actor a role stands for in a country ("government" in SY is the Syrian Arab Army), from
     * defaults.tsv; a named actor in the dictionary keeps its own kind and side.
     */
    public Entry forRole(String country, String role) {
        String[] row = country == null ? null : defaults.get(country + "|" + role);
        String cname = country == null
                ? null
                : countries.containsKey(country) ? countries.get(country).name() : country;
        if (row == null && role.equals("government") && country != null) {
            // "Emirati warships", "Russian jets": the country's own named forces, when the dictionary has them
            Entry forces = namedForces(country);
            if (forces != null) return forces;
        }
        if (row == null) row = defaults.get("*|" + role);
        if (row == null) return null;
        String canonical = cname == null
                ? row[2].replace(" ({country})", "").replace("{country}", "")
                : row[2].replace("{country}", cname);
        Entry known = named.get(canonical);
        if (known != null) return known;
        return new Entry(canonical, kind(row[3]), row[4], country);
    }

    /** The country of a demonym ("Russian" → RU), or null. */
    public Country countryOfDemonym(String word) {
        return word == null ? null : demonyms.get(word.toLowerCase(Locale.ROOT));
    }

    /** The one named state or international force of a country ("Russian Armed Forces" for RU), or null. */
    private Entry namedForces(String country) {
        Entry only = null;
        for (Entry e : named.values()) {
            if (!country.equals(e.country())) continue;
            if (e.kind() != ActorKind.STATE_FORCES && e.kind() != ActorKind.INTERNATIONAL_FORCES) continue;
            if (only != null) return null;
            only = e;
        }
        return only;
    }

    static ActorKind kind(String word) {
        try {
            return ActorKind.valueOf(word.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ActorKind.OTHER;
        }
    }

    private static List<String[]> rows(List<String> lines, int fields) {
        List<String[]> out = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            if (f.length < fields) continue; // malformed line: skipped rather than failing the whole load
            for (int i = 0; i < f.length; i++) f[i] = f[i].strip();
            if (f[0].isEmpty()) continue;
            out.add(f);
        }
        return out;
    }

    private static InputStream resource(String name) {
        InputStream in = ActorDictionary.class.getResourceAsStream(BASE + name);
        if (in == null) throw new IllegalStateException("missing actor dictionary resource " + name);
        return in;
    }

    static List<String> lines(InputStream in) {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.lines().forEach(keep(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<String> lines(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            return lines(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read actor dictionary " + p, e);
        }
    }

    private static Consumer<String> keep(List<String> out) {
        return line -> {
            if (!line.isBlank() && !line.stripLeading().startsWith("#")) out.add(line);
        };
    }
}
