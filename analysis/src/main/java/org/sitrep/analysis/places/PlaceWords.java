package org.sitrep.analysis.places;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The words the place stages read names by: titles before people, cue words after places, words
 * that end organisation and street names, and the data files of common English words, given names,
 * words that are never places and demonyms. Loaded once per {@link Geoparser}.
 */
final class PlaceWords {
    static final Set<String> TITLES = Set.of(
            "president",
            "mr",
            "mrs",
            "ms",
            "dr",
            "gen",
            "general",
            "sheikh",
            "shaykh",
            "king",
            "prince",
            "princess",
            "queen",
            "minister",
            "col",
            "colonel",
            "lt",
            "sgt",
            "sen",
            "senator",
            "rep",
            "gov",
            "governor",
            "judge",
            "pope",
            "imam",
            "emir",
            "sultan",
            "commander",
            "lord",
            "sir",
            "saint",
            "st",
            "abu",
            "umm",
            "bin",
            "ibn",
            "mayor",
            "spokesman",
            "spokeswoman",
            "brig",
            "maj",
            "major",
            "captain",
            "capt",
            "cpt",
            "professor",
            "prof",
            "ayatollah",
            "mullah",
            "father",
            "rev");
    static final Set<String> MODIFIERS = Set.of(
            "north",
            "south",
            "east",
            "west",
            "northern",
            "southern",
            "eastern",
            "western",
            "central",
            "northeast",
            "northwest",
            "southeast",
            "southwest",
            "northeastern",
            "northwestern",
            "southeastern",
            "southwestern",
            "upper",
            "lower",
            "greater",
            "rural",
            "downtown",
            "in",
            "at",
            "from",
            "to",
            "near",
            "of",
            "and",
            "the",
            "on",
            "outside",
            "across",
            "into",
            "toward",
            "towards",
            "around",
            "between",
            "via",
            "through",
            "for",
            "by",
            "inside",
            "within",
            "over",
            "under");
    static final Set<String> ORG_WORDS = Set.of(
            "post",
            "times",
            "journal",
            "herald",
            "tribune",
            "telegraph",
            "gazette",
            "chronicle",
            "observer",
            "examiner",
            "inquirer",
            "fc",
            "united",
            "wanderers",
            "rovers",
            "athletic",
            "stars",
            "raiders",
            "nationals",
            "senators",
            "kings",
            "daily",
            "news",
            "airlines",
            "airways",
            "bank",
            "group",
            "inc",
            "ltd",
            "corp",
            "company",
            "declaration",
            "accords",
            "accord",
            "protocol",
            "agreement",
            "convention",
            "process",
            "talks",
            "summit",
            "conference",
            "format",
            "syndrome",
            "virus",
            "university",
            "college",
            "institute",
            "school");
    static final Set<String> STREET_WORDS = Set.of(
            "road",
            "street",
            "avenue",
            "square",
            "roundabout",
            "highway",
            "bridge",
            "boulevard",
            "tower",
            "mosque",
            "hospital",
            "crossing",
            "gate");
    static final Set<String> ADMIN1_CUES = Set.of(
            "province", "governorate", "state", "region", "oblast", "prefecture", "emirate", "wilaya", "muhafazat");
    static final Set<String> ADMIN2_CUES =
            Set.of("district", "county", "municipality", "subdistrict", "area", "countryside");
    static final Set<String> CITY_CUES = Set.of("city", "town", "village", "capital");
    static final Set<String> LOCATIVE = Set.of(
            "in", "at", "near", "from", "outside", "into", "to", "toward", "towards", "around", "across", "via",
            "inside", "of", "between", "through");

    /** Transliterated Arabic articles that are also English words. */
    static final Set<String> ENGLISH_ARTICLES = Set.of("at", "as", "an", "ad");

    /** Second halves of "US-led", "Iran-backed", "Saudi-funded": the country is a sponsor, not a place. */
    static final Set<String> BACKING = Set.of(
            "led",
            "backed",
            "sponsored",
            "supported",
            "allied",
            "aligned",
            "funded",
            "brokered",
            "trained",
            "armed",
            "financed",
            "affiliated",
            "linked");

    /**
     * Nouns for the institutions a place name can stand for ("the Ankara government", "Moscow's
     * foreign ministry"): the place is then a government, not where something happened.
     */
    static final Set<String> INSTITUTIONS = Set.of(
            "government",
            "governments",
            "regime",
            "administration",
            "leadership",
            "cabinet",
            "ministry",
            "ministries",
            "embassy",
            "embassies",
            "consulate",
            "parliament",
            "presidency",
            "palace",
            "envoy",
            "envoys",
            "delegation",
            "negotiators",
            "diplomats",
            "diplomacy",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "foreign");
    /**
     * Roads, gates, bridges and the other works a place lends its name to ("the X–Y highway", "the X
     * Gate", "the X Bridge", "the X Dam"): often far from the place itself. Airports and railway
     * stations are not here: they lie in or beside the city they are named after, so an event there
     * is an event in that city (as the training corpus codes "shelled Mogadishu's airport").
     */
    static final Set<String> FACILITIES = Set.of(
            "highway",
            "highways",
            "motorway",
            "expressway",
            "freeway",
            "road",
            "roads",
            "gate",
            "bridge",
            "dam",
            "pipeline",
            "tunnel");

    final Set<String> commonWords;
    final Set<String> notPlaces;
    final Set<String> givenNames;
    /** Demonym (folded) to ISO country code: "syrian" to SY. */
    final Map<String, String> demonyms = new HashMap<>();
    /** Verbs whose subject speaks (lemmas and irregular forms): {@code speaking-verbs.txt}. */
    final Set<String> speakingVerbs;

    PlaceWords() {
        this.commonWords = words("common-words.txt");
        this.notPlaces = words("not-places.txt");
        this.givenNames = words("male-first-names.txt");
        givenNames.addAll(words("female-first-names.txt"));
        this.speakingVerbs = words("speaking-verbs.txt");
        // Only the rows naming a country: "european" points to a continent, no country's candidates.
        for (String[] row : Gazetteer.rows("demonyms.tsv"))
            if (row.length >= 2 && row[1].trim().length() == 2) demonyms.put(row[0].trim(), row[1].trim());
    }

    private static Set<String> words(String resource) {
        Set<String> out = new HashSet<>();
        for (String[] row : Gazetteer.rows(resource)) out.add(NameKey.exact(row[0]));
        return out;
    }
}
