package org.sitrep.analysis.places;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.Precision;
import org.sitrep.analysis.Span;
import org.sitrep.analysis.text.TokenisedText;
import org.sitrep.analysis.text.Word;

/**
 * Finds place names in English news text and resolves each to a gazetteer feature.
 *
 * <p>Recognition looks every run of words up in the gazetteer (longest first, exact key, then the
 * transliteration skeleton for the Middle East), and keeps a match only if it reads as a place name:
 * capitalised, not a common English word or month or demonym without a locative cue, not part of a
 * person's or an organisation's name. Resolution scores each candidate feature by importance
 * (population, feature type), by explicit context ("Tripoli, Lebanon", "Idlib province", "the X
 * district of Aleppo", "X, a town near Y"), by the document's country focus and by closeness to the
 * other places it names.
 */
public final class Geoparser implements PlaceFinder {
    private static volatile Geoparser shared;
    /** Weight of the document's country focus (share of its unambiguous mentions) against importance. */
    private static final double FOCUS_WEIGHT = 6;
    /** Weight of log10(population) in a candidate's importance. */
    private static final double POP_WEIGHT = 1;

    private final Gazetteer gazetteer;
    private final Set<String> commonWords;
    private final Set<String> notPlaces;
    private final Set<String> givenNames;
    private final Map<String, String> demonyms = new HashMap<>();

    public Geoparser(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.commonWords = words("common-words.txt");
        this.notPlaces = words("not-places.txt");
        this.givenNames = words("male-first-names.txt");
        givenNames.addAll(words("female-first-names.txt"));
        for (String[] row : Gazetteer.rows("demonyms.tsv")) if (row.length >= 2) demonyms.put(row[0].trim(), row[1].trim());
    }

    /** A geoparser over {@link Gazetteer#worldwide()}, created once and shared (it is thread-safe). */
    public static Geoparser worldwide() {
        Geoparser g = shared;
        if (g == null) {
            synchronized (Geoparser.class) {
                g = shared;
                if (g == null) shared = g = new Geoparser(Gazetteer.worldwide());
            }
        }
        return g;
    }

    public Gazetteer gazetteer() { return gazetteer; }

    private static Set<String> words(String resource) {
        Set<String> out = new HashSet<>();
        for (String[] row : Gazetteer.rows(resource)) out.add(NameKey.exact(row[0]));
        return out;
    }

    // ---- recognition -----------------------------------------------------------------------------

    /** A recognised name: tokens [from, to), and the features it may mean. */
    static final class Mention {
        final int from, to;
        final String key;
        final int[] candidates;
        final boolean fuzzy;
        final double[] bonus;
        int resolved = -1;
        double confidence;
        Precision fallbackPrecision; // set when the name is unknown and stands for a containing place

        Mention(int from, int to, String key, int[] candidates, boolean fuzzy) {
            this.from = from;
            this.to = to;
            this.key = key;
            this.candidates = candidates;
            this.fuzzy = fuzzy;
            this.bonus = new double[candidates.length];
        }
    }

    private static final Set<String> TITLES = Set.of("president", "mr", "mrs", "ms", "dr", "gen", "general",
            "sheikh", "shaykh", "king", "prince", "princess", "queen", "minister", "col", "colonel", "lt", "sgt",
            "sen", "senator", "rep", "gov", "governor", "judge", "pope", "imam", "emir", "sultan", "commander",
            "lord", "sir", "saint", "st", "abu", "umm", "bin", "ibn", "mayor", "spokesman", "spokeswoman", "brig",
            "maj", "major", "captain", "capt", "cpt", "professor", "prof", "ayatollah", "mullah", "father", "rev");
    private static final Set<String> MODIFIERS = Set.of("north", "south", "east", "west", "northern", "southern",
            "eastern", "western", "central", "northeast", "northwest", "southeast", "southwest", "northeastern",
            "northwestern", "southeastern", "southwestern", "upper", "lower", "greater", "rural", "downtown",
            "in", "at", "from", "to", "near", "of", "and", "the", "on", "outside", "across", "into", "toward",
            "towards", "around", "between", "via", "through", "for", "by", "inside", "within", "over", "under");
    private static final Set<String> ORG_WORDS = Set.of("post", "times", "journal", "herald", "tribune",
            "telegraph", "gazette", "chronicle", "observer", "examiner", "inquirer", "fc", "united", "wanderers",
            "rovers", "athletic", "stars", "raiders", "nationals", "senators", "kings", "daily", "news",
            "airlines", "airways", "bank", "group", "inc", "ltd", "corp", "company", "declaration", "accords",
            "accord", "protocol", "agreement", "convention", "process", "talks", "summit", "conference",
            "format", "syndrome", "virus", "university", "college", "institute", "school");
    private static final Set<String> STREET_WORDS = Set.of("road", "street", "avenue", "square", "roundabout",
            "highway", "bridge", "boulevard", "tower", "mosque", "hospital", "crossing", "gate");
    private static final Set<String> ADMIN1_CUES = Set.of("province", "governorate", "state", "region",
            "oblast", "prefecture", "emirate", "wilaya", "muhafazat");
    private static final Set<String> ADMIN2_CUES = Set.of("district", "county", "municipality", "subdistrict",
            "area", "countryside");
    private static final Set<String> CITY_CUES = Set.of("city", "town", "village", "capital");
    private static final Set<String> LOCATIVE = Set.of("in", "at", "near", "from", "outside", "into", "to",
            "toward", "towards", "around", "across", "via", "inside", "of", "between", "through");

    List<Mention> recognise(String text, List<Word> tokens) {
        List<Mention> out = new ArrayList<>();
        Set<String> people = new HashSet<>();
        Set<String> lowerCase = new HashSet<>(); // words the text also writes in lower case
        for (Word t : tokens) if (!t.capitalised()) lowerCase.add(t.word());
        int max = gazetteer.maxWords();
        int i = 0;
        while (i < tokens.size()) {
            Mention abbreviation = abbreviation(text, tokens, i);
            if (abbreviation != null) {
                out.add(abbreviation);
                i = abbreviation.to;
                continue;
            }
            Mention m = longestMatch(tokens, i, max);
            if (m == null) {
                i++;
                continue;
            }
            if (readsAsPlace(text, tokens, m, people, lowerCase)) out.add(m);
            i = m.to;
        }
        // A name once seen as part of a person's ("John Kelly") is that person elsewhere too ("Kelly said").
        if (!people.isEmpty()) out.removeIf(m -> m.to - m.from == 1 && people.contains(m.key) && !isCountryOrAdmin(m.key));
        // A spelling variant is trusted only in a text that names some place of that region exactly.
        boolean regional = out.stream().anyMatch(m -> !m.fuzzy && inRegion(m));
        if (!regional) out.removeIf(m -> m.fuzzy);
        return out;
    }

    /** "FRANKFORT, Ky." / "Kelowna, B.C.": a state or province abbreviation after a comma, before a full stop. */
    private Mention abbreviation(String text, List<Word> tokens, int i) {
        Word first = tokens.get(i);
        if (!first.capitalised() || first.joint() != ',' || i == 0) return null;
        int comma = tokens.get(i - 1).end();
        if (text.substring(comma, first.start()).strip().equals(",") == false) return null;
        StringBuilder key = new StringBuilder(first.word());
        for (int j = i; j < Math.min(tokens.size(), i + 3); j++) {
            if (j > i) {
                if (tokens.get(j).joint() != ' ' || tokens.get(j).sentenceStart()) break;
                key.append(' ').append(tokens.get(j).word());
            }
            int end = tokens.get(j).end();
            if (end < text.length() && text.charAt(end) == '.') {
                int d = gazetteer.admin1Abbreviation(key.toString());
                if (d >= 0) return new Mention(i, j + 1, key.toString(), new int[] {d}, false);
            }
        }
        return null;
    }

    private Mention longestMatch(List<Word> tokens, int i, int max) {
        Word first = tokens.get(i);
        // A name starts with a capital, or with a lower-case article before one ("al-Bab").
        boolean article = NameKey.ARTICLES.contains(first.word()) && i + 1 < tokens.size()
                && tokens.get(i + 1).capitalised() && tokens.get(i + 1).joint() != ','
                // "at Haifa", "as Raqqa fell", "an Israeli": English words, unless joined on ("at-Tanf")
                && (!ENGLISH_ARTICLES.contains(first.word()) || tokens.get(i + 1).joint() == '-');
        if (!first.capitalised() && !article) return null;
        int limit = i + 1;
        while (limit < tokens.size() && limit - i < max && tokens.get(limit).joint() != ',' && tokens.get(limit).joint() != '.')
            limit++;
        StringBuilder key = new StringBuilder();
        List<String> words = new ArrayList<>(max);
        String[] keys = new String[limit - i];
        for (int j = i; j < limit; j++) {
            if (j > i) key.append(' ');
            key.append(tokens.get(j).word());
            keys[j - i] = key.toString();
        }
        // Longest first; at each length the exact spelling, then (Middle East only) a spelling variant.
        for (int j = limit; j > i; j--) {
            String k = keys[j - i - 1];
            Word last = tokens.get(j - 1);
            // A multi-word name ends on a capitalised word ("Deir ez-Zor", not "Aleppo and").
            if (j - i > 1 && !last.capitalised()) continue;
            int[] hits = gazetteer.byExactKey(k);
            if (hits.length > 0) return new Mention(i, j, k, hits, false);
            words.clear();
            for (int t = i; t < j; t++) words.add(tokens.get(t).word());
            if (!last.capitalised() || words.size() == 1 && words.get(0).length() < 4) continue;
            if (words.size() == 1 && (commonWords.contains(words.get(0)) || givenNames.contains(words.get(0))
                    || notPlaces.contains(words.get(0)))) continue;
            String sk = NameKey.skeletonOf(words);
            if (sk == null || sk.length() < 3) continue;
            int[] near = closeSpellings(inFocusCountries(gazetteer.bySkeletonKey(sk)), k);
            if (near.length > 0) return new Mention(i, j, k, near, true);
        }
        return null;
    }

    /** Of the skeleton's hits, those whose name is within a few letters of what the text wrote. */
    private int[] closeSpellings(int[] hits, String written) {
        String w = withoutArticle(written).replace(" ", "");
        int[] out = new int[hits.length];
        int n = 0;
        for (int h : hits) {
            String name = withoutArticle(gazetteer.nameKey(h)).replace(" ", "");
            if (editDistance(w, name) <= Math.max(1, Math.min(w.length(), name.length()) / 4)) out[n++] = h;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Edit distance in which a vowel for a vowel, or a vowel more or less, costs half: Hodeidah/Hudaydah. */
    static double editDistance(String a, String b) {
        double[] prev = new double[b.length() + 1], cur = new double[b.length() + 1];
        for (int j = 1; j <= b.length(); j++) prev[j] = prev[j - 1] + indel(b.charAt(j - 1));
        for (int i = 1; i <= a.length(); i++) {
            char x = a.charAt(i - 1);
            cur[0] = prev[0] + indel(x);
            for (int j = 1; j <= b.length(); j++) {
                char y = b.charAt(j - 1);
                double sub = x == y ? 0 : vowel(x) && vowel(y) ? 0.5 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + indel(y), prev[j] + indel(x)), prev[j - 1] + sub);
            }
            double[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static boolean vowel(char c) { return "aeiouy".indexOf(c) >= 0; }

    private static double indel(char c) { return vowel(c) ? 0.5 : 1; }

    private boolean inRegion(Mention m) {
        for (int c : m.candidates) if (BundledGazetteerBuild.FOCUS.contains(gazetteer.entry(c).country())) return true;
        return false;
    }

    /** Transliteration variants are only trusted for the region whose names are transliterated. */
    private int[] inFocusCountries(int[] hits) {
        if (hits.length == 0) return hits;
        int[] out = new int[hits.length];
        int n = 0;
        for (int h : hits) if (BundledGazetteerBuild.FOCUS.contains(gazetteer.entry(h).country())) out[n++] = h;
        return java.util.Arrays.copyOf(out, n);
    }

    /** Transliterated Arabic articles that are also English words. */
    private static final Set<String> ENGLISH_ARTICLES = Set.of("at", "as", "an", "ad");

    /** Second halves of "US-led", "Iran-backed", "Saudi-funded": the country is a sponsor, not a place. */
    private static final Set<String> BACKING = Set.of("led", "backed", "sponsored", "supported", "allied", "aligned",
            "funded", "brokered", "trained", "armed", "financed", "affiliated", "linked");

    private boolean readsAsPlace(String text, List<Word> tokens, Mention m, Set<String> people,
                                 Set<String> lowerCase) {
        Word first = tokens.get(m.from);
        Word before = m.from > 0 ? tokens.get(m.from - 1) : null;
        Word after = m.to < tokens.size() ? tokens.get(m.to) : null;
        int words = m.to - m.from;
        if (notPlaces.contains(m.key)) return false;
        // "US-led coalition", "Iran-backed militias": the name says who stands behind an actor, not where
        if (after != null && after.joint() == '-' && BACKING.contains(after.word())) return false;
        if (words == 1 && first.word().length() < 3 && !allCaps(text, first)) return false;
        boolean country = false, admin1 = false, primaryName = false, focus = false;
        long population = 0;
        for (int c : m.candidates) {
            GazetteerEntry e = gazetteer.entry(c);
            country |= e.precision() == Precision.COUNTRY;
            admin1 |= e.precision() == Precision.ADMIN1 || "RGN".equals(e.featureCode());
            population = Math.max(population, e.population());
            focus |= BundledGazetteerBuild.FOCUS.contains(e.country());
            if (!primaryName && (m.fuzzy || gazetteer.nameKey(c).equals(m.key))) primaryName = true;
        }
        boolean common = words == 1 && (commonWords.contains(first.word())
                || givenNames.contains(first.word()) && population < 300_000);
        boolean strong = country || admin1 && !common;
        // Short capitals ("BA", "MW", "APC") are abbreviations, places only when a country's ("US", "UAE").
        if (words == 1 && allCaps(text, first) && !country
                && (first.word().length() <= 3 || first.word().length() <= 5 && population < 100_000)) return false;
        // Part of a longer proper name: "Bashar al-Assad", "President Kelly", "Paul Ryan", "Washington Post".
        boolean glued = first.joint() == ' ' || first.joint() == '-';
        // After a given name, even at the start of a sentence: "Boris Johnson said", "Michael Jordan".
        if (before != null && glued && words == 1 && before.capitalised() && givenNames.contains(before.word())
                && !MODIFIERS.contains(before.word()) && gazetteer.byExactKey(before.word() + " " + m.key).length == 0) {
            people.add(m.key);
            return false;
        }
        if (before != null && !first.sentenceStart() && glued) {
            String w = before.word();
            if (TITLES.contains(w)) {
                people.add(m.key);
                return false;
            }
            if (before.capitalised() && !before.sentenceStart() && !MODIFIERS.contains(w) && !isCountryOrAdmin(w)
                    && !strong) {
                // After a given name it is a surname everywhere in the text ("John Kelly" ... "Kelly said");
                // after another capitalised word ("Air Berlin", "CBC Toronto") only here.
                if (givenNames.contains(w)) people.add(m.key);
                return false;
            }
        }
        // The head of a longer name the gazetteer lacks: "Riad al-Solh", "Bir al-Abed", "Castello Road".
        if (after != null && (after.joint() == ' ' || after.joint() == '-') && !strong && words == 1) {
            Word next = m.to + 1 < tokens.size() ? tokens.get(m.to + 1) : null;
            if (NameKey.ARTICLES.contains(after.word()) && !after.capitalised() && next != null && next.capitalised()
                    && next.joint() != ',' && next.joint() != '.') return false;
            if (after.capitalised() && STREET_WORDS.contains(after.word()) && population < 100_000) return false;
        }
        if (after != null && (after.joint() == ' ' || after.joint() == '-') && after.capitalised()) {
            String w = after.word();
            if (ORG_WORDS.contains(w)) return false;
            boolean cue = ADMIN1_CUES.contains(w) || ADMIN2_CUES.contains(w) || CITY_CUES.contains(w)
                    || TITLES.contains(w) || MODIFIERS.contains(w) || NameKey.ARTICLES.contains(w);
            if (!strong && !cue && words == 1 && population < 50_000 && gazetteer.byExactKey(w).length == 0) return false;
        }
        boolean locative = before != null && LOCATIVE.contains(before.word()) && !first.sentenceStart();
        boolean cueAfter = after != null && (ADMIN1_CUES.contains(after.word()) || ADMIN2_CUES.contains(after.word())
                || CITY_CUES.contains(after.word()) || after.joint() == ',' && isCountryOrAdmin(after.word()));
        if (common && !strong) {
            // A common word is a place only after a locative preposition mid-sentence, or with a cue after it.
            if (!locative && !cueAfter) return false;
            if (locative && !cueAfter && population < (m.fuzzy ? 0 : 20_000)) return false;
        }
        // A single word known only as some small place's alternate name is more often a person's name.
        // (Not in the transliterated Middle East, where a town's other spellings are its everyday names.)
        if (words == 1 && !primaryName && !strong && !focus && population < 100_000 && !locative && !cueAfter) return false;
        if (first.sentenceStart() && words == 1 && !strong && population < 1000
                && !m.fuzzy && lowerCase.contains(first.word())) return false;
        return true;
    }

    private boolean isCountryOrAdmin(String word) {
        for (int c : gazetteer.byExactKey(word)) {
            Precision p = gazetteer.entry(c).precision();
            if (p == Precision.COUNTRY || p == Precision.ADMIN1) return true;
        }
        return false;
    }

    private long maxPopulation(Mention m) {
        long max = 0;
        for (int c : m.candidates) max = Math.max(max, gazetteer.entry(c).population());
        return max;
    }

    private static boolean allCaps(String text, Word t) {
        for (int k = t.start(); k < t.end(); k++) if (Character.isLowerCase(text.charAt(k))) return false;
        return true;
    }

    // ---- resolution ------------------------------------------------------------------------------

    @Override
    public List<Place> find(String text) {
        return find(TokenisedText.of(text));
    }

    @Override
    public List<Place> find(TokenisedText document) {
        String text = document.text();
        if (text == null || text.isBlank()) return List.of();
        List<Word> tokens = document.words();
        List<Mention> mentions = recognise(text, tokens);
        if (mentions.isEmpty()) return List.of();
        applyCues(text, tokens, mentions);
        Map<String, Double> focus = countryFocus(mentions);
        for (Mention m : mentions) resolve(m, focus, List.of(), false);
        List<Mention> anchors = distinctResolved(mentions);
        // Repeated names without cues of their own resolve alike: decide each once.
        Map<String, Mention> decided = new HashMap<>();
        for (Mention m : mentions) {
            boolean plain = true;
            for (double b : m.bonus) plain &= b == 0;
            Mention same = plain ? decided.get(m.key) : null;
            if (same != null) {
                m.resolved = same.resolved;
                m.confidence = same.confidence;
                continue;
            }
            resolve(m, focus, anchors, true);
            if (plain) decided.put(m.key, m);
        }
        neighbourhoodFallback(text, tokens, mentions);
        return places(text, tokens, mentions);
    }

    /** Explicit context: "Tripoli, Lebanon", "Idlib province", "the X district of Aleppo", "X, near Y". */
    private void applyCues(String text, List<Word> tokens, List<Mention> mentions) {
        for (int k = 0; k < mentions.size(); k++) {
            Mention m = mentions.get(k);
            demonymBonus(tokens, m);
            Word after = m.to < tokens.size() ? tokens.get(m.to) : null;
            if (after != null && after.joint() != '.' && after.joint() != ',') {
                String w = after.word();
                for (int c = 0; c < m.candidates.length; c++) {
                    Precision p = gazetteer.entry(m.candidates[c]).precision();
                    if (ADMIN1_CUES.contains(w) && p == Precision.ADMIN1) m.bonus[c] += 12;
                    if (ADMIN2_CUES.contains(w) && (p == Precision.ADMIN2 || p == Precision.NEIGHBOURHOOD)) m.bonus[c] += 6;
                    if (CITY_CUES.contains(w) && p == Precision.CITY) m.bonus[c] += 4;
                }
            }
            // "Tripoli, Lebanon" / "Springfield, Illinois": the next mention after a comma names the container.
            if (k + 1 < mentions.size()) {
                Mention next = mentions.get(k + 1);
                if (next.from == m.to && tokens.get(next.from).joint() == ',') containerBonus(m, next, 15);
            }
            // "X, a town near Y" / "X, north of Y" / "X in Y": Y a few words later.
            if (k + 1 < mentions.size()) {
                Mention next = mentions.get(k + 1);
                if (next.from > m.to && next.from - m.to <= 5) {
                    String between = text.substring(tokens.get(m.to - 1).end(), tokens.get(next.from).start())
                            .toLowerCase(Locale.ROOT);
                    if (NEAR.matcher(between).find()) proximityBonus(m, next, 8);
                    else if (IN.matcher(between).matches()) containerBonus(m, next, 6);
                }
            }
        }
    }

    /** "the Syrian city of Homs", "Tripoli, the Libyan capital": a demonym a few words off names the country. */
    private void demonymBonus(List<Word> tokens, Mention m) {
        String country = null;
        for (int t = m.from - 1; t >= Math.max(0, m.from - 4) && country == null; t--) {
            country = demonyms.get(tokens.get(t).word());
            if (tokens.get(t).sentenceStart()) break;
        }
        for (int t = m.to; t < Math.min(tokens.size(), m.to + 4) && country == null; t++) {
            if (tokens.get(t).joint() == '.') break;
            country = demonyms.get(tokens.get(t).word());
        }
        if (country == null) return;
        for (int c = 0; c < m.candidates.length; c++)
            if (gazetteer.entry(m.candidates[c]).country().equals(country)) m.bonus[c] += 5;
    }

    private static final Pattern NEAR = Pattern.compile(
            "^,?\\s*(a|an|the)?\\s*(\\w+\\s+)?(town|village|city|suburb|district|neighbou?rhood|area|camp|base|"
                    + "north|south|east|west|northeast|northwest|southeast|southwest|outskirts|near|close|outside)\\b.*"
                    + "(of|near|to|outside|from)\\s*$");
    private static final Pattern IN = Pattern.compile("^,?\\s*in\\s+(the\\s+)?((northern|southern|eastern|western|central)\\s+)?$");

    /** Candidates of {@code m} inside what {@code container} may mean get {@code weight}. */
    private void containerBonus(Mention m, Mention container, double weight) {
        for (int c = 0; c < m.candidates.length; c++) {
            GazetteerEntry e = gazetteer.entry(m.candidates[c]);
            for (int d : container.candidates) {
                GazetteerEntry y = gazetteer.entry(d);
                boolean inside = switch (y.precision()) {
                    case COUNTRY -> y.country().equals(e.country()) && e.precision() != Precision.COUNTRY;
                    case ADMIN1 -> y.country().equals(e.country()) && y.admin1().equals(e.admin1())
                            && e.precision() != Precision.ADMIN1 && e.precision() != Precision.COUNTRY;
                    default -> y.country().equals(e.country()) && km(e, y) < 60;
                };
                if (inside) {
                    m.bonus[c] += weight;
                    break;
                }
            }
        }
    }

    private void proximityBonus(Mention m, Mention other, double weight) {
        for (int c = 0; c < m.candidates.length; c++) {
            GazetteerEntry e = gazetteer.entry(m.candidates[c]);
            for (int d : other.candidates) {
                if (km(e, gazetteer.entry(d)) < 80) {
                    m.bonus[c] += weight;
                    break;
                }
            }
        }
    }

    /** Share of the document's unambiguous place mentions per country. */
    private Map<String, Double> countryFocus(List<Mention> mentions) {
        Map<String, Double> votes = new HashMap<>();
        double total = 0;
        for (Mention m : mentions) {
            Set<String> countries = new HashSet<>();
            boolean country = false;
            for (int c : m.candidates) {
                GazetteerEntry e = gazetteer.entry(c);
                countries.add(e.country());
                country |= e.precision() == Precision.COUNTRY;
            }
            if (countries.size() == 1 || country) {
                String cc = countries.size() == 1 ? countries.iterator().next() : bestPrior(m);
                double w = country ? 2 : 1;
                votes.merge(cc, w, Double::sum);
                total += w;
            }
        }
        if (total > 0) for (Map.Entry<String, Double> e : votes.entrySet()) e.setValue(e.getValue() / total);
        return votes;
    }

    private String bestPrior(Mention m) {
        int best = m.candidates[0];
        double score = Double.NEGATIVE_INFINITY;
        for (int c : m.candidates) {
            double s = prior(c, m);
            if (s > score) {
                score = s;
                best = c;
            }
        }
        return gazetteer.entry(best).country();
    }

    /** What a name means before context: importance by feature type and population. */
    private double prior(int index, Mention m) {
        GazetteerEntry e = gazetteer.entry(index);
        // Divisions and countries rank by type alone: their population would drown every city's.
        double s = switch (e.precision()) {
            case COUNTRY -> 0;
            case ADMIN1, ADMIN2 -> 0.3 * Math.log10(e.population() + 1); // a tie-break between namesakes
            default -> POP_WEIGHT * Math.log10(e.population() + 1);
        };
        switch (e.featureCode()) {
            case "PCLI", "PCLD", "PCLS", "PCLF", "PCL", "PCLIX", "TERR", "CONT", "OCN" -> s += 12;
            case "ADM1" -> s += 6.5;
            case "RGN" -> s += 9;
            case "PPLC" -> s += 3;
            case "PPLA" -> s += 1.5;
            case "PPLA2" -> s += 0.5;
            case "ADM2" -> s += 1;
            case "PPLX", "BLDG" -> s += e.id() < 0 ? 4 : 0;
            default -> { }
        }
        if (!m.fuzzy && withoutArticle(gazetteer.nameKey(index)).equals(withoutArticle(m.key))) s += 1.5;
        // A bare name shared by a province and its seat ("Aleppo", "Raqqa") means the city.
        if (e.precision() == Precision.ADMIN1 && seatAmong(e, m)) s -= 3;
        if (m.fuzzy && !java.util.Objects.equals(NameKey.skeleton(e.name()), NameKey.skeletonOf(List.of(m.key.split(" "))))) s -= 1;
        return s;
    }

    private static String withoutArticle(String key) {
        int sp = key.indexOf(' ');
        return sp > 0 && NameKey.ARTICLES.contains(key.substring(0, sp)) ? key.substring(sp + 1) : key;
    }

    private boolean seatAmong(GazetteerEntry division, Mention m) {
        for (int c : m.candidates) {
            GazetteerEntry e = gazetteer.entry(c);
            if (e.featureCode().equals("PPLA") && e.country().equals(division.country())
                    && e.admin1().equals(division.admin1())) return true;
        }
        return false;
    }

    private void resolve(Mention m, Map<String, Double> focus, List<Mention> all, boolean withNeighbours) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY, second = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < m.candidates.length; c++) {
            GazetteerEntry e = gazetteer.entry(m.candidates[c]);
            double s = prior(m.candidates[c], m) + m.bonus[c] + FOCUS_WEIGHT * focus.getOrDefault(e.country(), 0.0);
            if (withNeighbours) s += neighbourhood(e, m, all);
            if (s > bestScore) {
                second = bestScore;
                bestScore = s;
                best = c;
            } else if (s > second) second = s;
        }
        m.resolved = m.candidates[best];
        m.confidence = m.candidates.length == 1 ? 1 : Math.min(1, Math.max(0.3, (bestScore - second) / 5));
    }

    /** One mention per place resolved in the first pass, at most 200: a long text stays linear. */
    private static List<Mention> distinctResolved(List<Mention> mentions) {
        Map<Integer, Mention> seen = new LinkedHashMap<>();
        for (Mention m : mentions) {
            if (seen.size() >= 200) break;
            seen.putIfAbsent(m.resolved, m);
        }
        return new ArrayList<>(seen.values());
    }

    /** Closeness to the places the other mentions resolved to. */
    private double neighbourhood(GazetteerEntry e, Mention self, List<Mention> all) {
        double best = 0;
        for (Mention o : all) {
            if (o == self || o.resolved < 0 || o.key.equals(self.key)) continue;
            GazetteerEntry r = gazetteer.entry(o.resolved);
            if (r.precision() == Precision.COUNTRY) continue;
            double d = km(e, r);
            double b = d < 30 ? 3 : d < 150 ? 2 : d < 500 ? 1 : 0;
            best = Math.max(best, b);
        }
        return best;
    }

    private static final Pattern DISTRICT_OF = Pattern.compile(
            "(?i)\\b(districts?|neighbou?rhoods?|suburbs?|quarters?|areas?|camps?|towns?|villages?|outskirts)\\s+(of|in|outside|near)\\s+"
                    + "(the\\s+)?((northern|southern|eastern|western|central|rebel-held|government-held|opposition-held)\\s+)?$");
    private static final Pattern NAME_BEFORE = Pattern.compile(
            "((?:(?:al|el|ad|ar|as|ash|az|an|at)-)?\\p{Lu}[\\p{L}'’ʿ]+(?:[ -](?:(?:al|el|ad|ar|as|ash|az|an|at)-)?\\p{Lu}[\\p{L}'’ʿ]+){0,3})\\s+$");

    /** "the Zebdiyeh district of Aleppo": an unknown neighbourhood stands for its city, at city precision. */
    private void neighbourhoodFallback(String text, List<Word> tokens, List<Mention> mentions) {
        List<Mention> added = new ArrayList<>();
        for (int k = 0; k < mentions.size(); k++) {
            Mention m = mentions.get(k);
            if (m.resolved < 0) continue;
            GazetteerEntry city = gazetteer.entry(m.resolved);
            if (city.precision() != Precision.CITY && city.precision() != Precision.ADMIN2) continue;
            int start = tokens.get(m.from).start();
            String head = text.substring(Math.max(0, start - 120), start);
            if (!head.endsWith(" ") || head.indexOf(" of ", Math.max(0, head.length() - 50)) < 0
                    && head.indexOf(" in ", Math.max(0, head.length() - 50)) < 0
                    && head.indexOf(" near ", Math.max(0, head.length() - 50)) < 0
                    && head.indexOf(" outside ", Math.max(0, head.length() - 50)) < 0) continue; // cheap test first
            Matcher d = DISTRICT_OF.matcher(head);
            if (!d.find()) continue;
            String beforeCue = head.substring(0, d.start());
            Matcher n = NAME_BEFORE.matcher(beforeCue);
            if (!n.find()) continue;
            int nameStart = start - head.length() + n.start(1);
            int nameEnd = start - head.length() + n.end(1);
            boolean known = false;
            // Only the few mentions just before this one can overlap the name.
            for (int q = k - 1; q >= 0 && tokens.get(mentions.get(q).to - 1).end() > nameStart - 1; q--) {
                Mention o = mentions.get(q);
                if (tokens.get(o.from).start() < nameEnd && nameStart < tokens.get(o.to - 1).end()) {
                    known = true;
                    // A known name that is far from the city it is said to be in was the wrong candidate.
                    if (o.resolved >= 0 && km(gazetteer.entry(o.resolved), city) > 40) {
                        int near = nearest(o, city);
                        if (near >= 0) o.resolved = near;
                        else {
                            o.resolved = m.resolved;
                            o.fallbackPrecision = Precision.CITY;
                        }
                    }
                }
            }
            if (known) continue;
            int from = tokenAt(tokens, nameStart), to = tokenAt(tokens, nameEnd - 1) + 1;
            if (from < 0 || to <= from) continue;
            String first = tokens.get(from).word();
            if (notPlaces.contains(first) || TITLES.contains(first)) continue;
            Mention x = new Mention(from, to, text.substring(nameStart, nameEnd), new int[] {m.resolved}, false);
            x.resolved = m.resolved;
            x.confidence = 0.6;
            x.fallbackPrecision = Precision.CITY;
            added.add(x);
        }
        mentions.addAll(added);
        mentions.sort((a, b) -> Integer.compare(a.from, b.from));
    }

    private int nearest(Mention o, GazetteerEntry city) {
        int best = -1;
        double bestKm = 40;
        for (int c : o.candidates) {
            double d = km(gazetteer.entry(c), city);
            if (d < bestKm) {
                bestKm = d;
                best = c;
            }
        }
        return best;
    }

    /** The token covering {@code offset}, by binary search; -1 if none. */
    private static int tokenAt(List<Word> tokens, int offset) {
        int lo = 0, hi = tokens.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Word t = tokens.get(mid);
            if (offset < t.start()) hi = mid - 1;
            else if (offset >= Math.max(t.end(), t.start() + 1)) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    private List<Place> places(String text, List<Word> tokens, List<Mention> mentions) {
        Map<String, List<Span>> spans = new LinkedHashMap<>();
        Map<String, Mention> firstOf = new HashMap<>();
        for (Mention m : mentions) {
            GazetteerEntry e = gazetteer.entry(m.resolved);
            String key = e.id() + (m.fallbackPrecision == null ? "" : "|" + NameKey.exact(surface(text, tokens, m)));
            spans.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Span(tokens.get(m.from).start(), tokens.get(m.to - 1).end()));
            firstOf.putIfAbsent(key, m);
        }
        List<Place> out = new ArrayList<>(spans.size());
        for (Map.Entry<String, List<Span>> s : spans.entrySet()) {
            Mention m = firstOf.get(s.getKey());
            GazetteerEntry e = gazetteer.entry(m.resolved);
            long id = e.id();
            if (id < 0 && gazetteer.parentCity(id) != 0 && e.precision() == Precision.NEIGHBOURHOOD) {
                // Curated neighbourhoods keep their own position; the id tells they are Sitrep's own.
            }
            Precision p = m.fallbackPrecision != null ? m.fallbackPrecision : e.precision();
            out.add(new Place(surface(text, tokens, m), e.name(), round(e.lat()), round(e.lon()), e.country(),
                    e.admin1().isEmpty() ? null : e.admin1(), e.featureCode(), id, p, List.copyOf(s.getValue())));
        }
        return out;
    }

    private static String surface(String text, List<Word> tokens, Mention m) {
        return text.substring(tokens.get(m.from).start(), tokens.get(m.to - 1).end());
    }

    private static double round(double v) { return Math.round(v * 1e5) / 1e5; }

    /** Great-circle distance in km. */
    public static double km(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
        double dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 6371.0088 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    private static double km(GazetteerEntry a, GazetteerEntry b) { return km(a.lat(), a.lon(), b.lat(), b.lon()); }
}
