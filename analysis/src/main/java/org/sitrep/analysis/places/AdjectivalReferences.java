package org.sitrep.analysis.places;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.Precision;
import org.sitrep.analysis.Span;
import org.sitrep.analysis.text.Word;

/**
 * Adjectival references to a place ("Syrian forces", "the Iraqi-Kurdish border", "European
 * leaders"): a kind of place mention of their own, linked to their country (or continent), for
 * filters and an actor's nationality, never an event's place. The words are the data file
 * {@code demonyms.tsv}; one or two capitalised words, looked up once each (no gazetteer scan).
 */
public final class AdjectivalReferences {
    private static volatile AdjectivalReferences bundled;

    /** Folded demonym ("syrian", "south korean") to an ISO country code or an area's name ("Europe"). */
    private final Map<String, String> targets = new HashMap<>();

    private AdjectivalReferences() {
        for (String[] row : Gazetteer.rows("demonyms.tsv"))
            if (row.length >= 2 && !row[1].isBlank()) targets.put(NameKey.exact(row[0]), row[1].trim());
    }

    /** The bundled list, loaded once. */
    public static AdjectivalReferences bundled() {
        AdjectivalReferences a = bundled;
        if (a == null) {
            synchronized (AdjectivalReferences.class) {
                if (bundled == null) bundled = new AdjectivalReferences();
                a = bundled;
            }
        }
        return a;
    }

    /** The ISO code or area name {@code words} refer to adjectivally ("Syrian" → SY), or null. */
    public String countryOf(String words) {
        return words == null || words.isEmpty() || !Character.isUpperCase(words.charAt(0))
                ? null
                : targets.get(NameKey.exact(words));
    }

    /**
     * The adjectival references of a tokenised text, each resolved to its country or area, one
     * {@link Place} per place with every mention; words inside a place name already found ("South
     * Sudan" is a place, not the adjective "South" + "Sudan") are skipped.
     */
    List<Place> find(Gazetteer gazetteer, String text, List<Word> tokens, List<PlaceMention> names) {
        boolean[] taken = new boolean[tokens.size()];
        for (PlaceMention m : names) for (int t = m.from; t < m.to; t++) taken[t] = true;
        Map<Integer, List<Span>> spans = new LinkedHashMap<>();
        Map<Integer, String> surface = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            Word w = tokens.get(i);
            if (!w.capitalised() || taken[i]) continue;
            int to = i + 1;
            String target = null;
            // Two words first: "South Korean", "Latin American".
            if (i + 1 < tokens.size()
                    && tokens.get(i + 1).joint() == ' '
                    && tokens.get(i + 1).capitalised()
                    && !taken[i + 1]) {
                target = targets.get(w.word() + " " + tokens.get(i + 1).word());
                if (target != null) to = i + 2;
            }
            if (target == null) target = targets.get(w.word());
            if (target == null || aLanguage(tokens, i, to)) continue;
            int feature = resolve(gazetteer, target);
            if (feature < 0) continue;
            spans.computeIfAbsent(feature, f -> new ArrayList<>())
                    .add(new Span(w.start(), tokens.get(to - 1).end()));
            surface.putIfAbsent(
                    feature, text.substring(w.start(), tokens.get(to - 1).end()));
            i = to - 1;
        }
        List<Place> out = new ArrayList<>(spans.size());
        for (Map.Entry<Integer, List<Span>> s : spans.entrySet()) {
            GazetteerEntry e = gazetteer.entry(s.getKey());
            out.add(new Place(
                    surface.get(s.getKey()),
                    e.name(),
                    e.lat(),
                    e.lon(),
                    e.country(),
                    null,
                    e.featureCode(),
                    e.id(),
                    Precision.COUNTRY,
                    List.copyOf(s.getValue())));
        }
        return out;
    }

    /** Words before a language's name: "speaks French", "fluent Arabic", "wrote in Turkish". */
    private static final Set<String> LANGUAGE_BEFORE = Set.of(
            "speak",
            "speaks",
            "spoke",
            "speaking",
            "fluent",
            "in",
            "into",
            "learn",
            "learns",
            "learned",
            "learnt",
            "learning",
            "translated",
            "taught",
            "teaches");
    /** Words after a language's name that start a new clause, not a noun the adjective qualifies. */
    private static final Set<String> CLAUSE_WORDS =
            Set.of("which", "that", "and", "but", "or", "with", "as", "to", "because", "while", "when", "so");

    /**
     * "She speaks fluent French which...", "yelled in Turkish, and": the word names a language, not a
     * reference to the country. Only when nothing it could qualify follows ("in French politics" is a
     * reference).
     */
    private static boolean aLanguage(List<Word> tokens, int from, int to) {
        if (from == 0 || !LANGUAGE_BEFORE.contains(tokens.get(from - 1).word())) return false;
        if (to >= tokens.size()) return true;
        Word next = tokens.get(to);
        return next.joint() == '.' || next.joint() == ',' || next.sentenceStart() || CLAUSE_WORDS.contains(next.word());
    }

    /** The gazetteer feature of a country code or an area's name (a continent or world region), or -1. */
    private static int resolve(Gazetteer gazetteer, String target) {
        if (target.length() == 2 && Character.isUpperCase(target.charAt(0))) return gazetteer.country(target);
        for (int i : gazetteer.byExactKey(NameKey.exact(target)))
            if (gazetteer.entry(i).precision() == Precision.COUNTRY
                    || "RGN".equals(gazetteer.entry(i).featureCode())) return i;
        return -1;
    }
}
