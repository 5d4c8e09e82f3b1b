package org.sitrep.analysis.evaluation.geo;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.Precision;
import org.sitrep.analysis.Span;
import org.sitrep.analysis.places.AdjectivalReferences;
import org.sitrep.analysis.places.Gazetteer;
import org.sitrep.analysis.places.GazetteerEntry;
import org.sitrep.analysis.places.Geoparser;

/**
 * Sorts a geoparser's errors on a corpus into the classes issue 15 names, so that each change is
 * measured against the errors it is meant to remove. A toponym lands in exactly one class; the
 * classes read the gold, the prediction and the gazetteer, never the corpus's own type labels (the
 * shared corpora label differently, and held-out ones not at all).
 */
public final class GeoparsingErrors {
    /** The error classes, in the order. */
    public enum Kind {
        /** Found, placed beyond 161 km, and the gazetteer holds a same-named feature within 161 km of the gold point. */
        WRONG_SAME_NAMED_PLACE("wrong same-named place"),
        /** Found, an area (continent, country, first-level division, region), beyond 161 km: another reference point. */
        AREA_CONVENTION("area convention"),
        /** Found, beyond 161 km, and nothing of that name in the gazetteer lies near the gold point. */
        WRONG_PLACE_NOT_IN_GAZETTEER("wrong place, right one not in gazetteer"),
        /** Missed or wrongly predicted inside a longer capitalised name ("Bank of England", "Paris Police Department"). */
        NAME_INSIDE_NAME("names inside names"),
        /** Predicted where the gold has no toponym, standing alone: a common word or person read as a place. */
        FALSE_FRIEND("false friend"),
        /** Missed although the gazetteer has the name: the recogniser turned a real place down. */
        REJECTED_PLACE("rejected place"),
        /** Missed, and the gazetteer has no feature of that name. */
        MISSING_FROM_GAZETTEER("missing from gazetteer"),
        /** Missed, and the name is an adjectival reference ("Syrian", "European"). */
        ADJECTIVAL("adjectival");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Gazetteer gazetteer;
    private final AdjectivalReferences adjectives;
    private final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);

    /** Classes against {@code gazetteer}; {@code adjectives} tells adjectival references. */
    public GeoparsingErrors(Gazetteer gazetteer, AdjectivalReferences adjectives) {
        this.gazetteer = gazetteer;
        this.adjectives = adjectives;
    }

    public Map<Kind, Integer> counts() {
        return Map.copyOf(counts);
    }

    /** A gold toponym no prediction overlaps. */
    void missed(GeoparsingCorpus.Doc doc, GeoparsingCorpus.Toponym t) {
        String name = t.name();
        if (adjectives.countryOf(name) != null) add(Kind.ADJECTIVAL);
        else if (insideLongerName(doc.text(), t.span())) add(Kind.NAME_INSIDE_NAME);
        else if (gazetteer.named(name).isEmpty()) add(Kind.MISSING_FROM_GAZETTEER);
        else add(Kind.REJECTED_PLACE);
    }

    /** A gold toponym found but placed more than 161 km from its gold point. */
    void misplaced(GeoparsingCorpus.Doc doc, GeoparsingCorpus.Toponym t, Place p, Span predicted) {
        String surface = doc.text().substring(predicted.start(), predicted.end());
        if (!predicted.equals(t.span())
                && (predicted.start() > t.span().start()
                        || predicted.end() < t.span().end())
                && insideLongerName(doc.text(), predicted)) {
            add(Kind.NAME_INSIDE_NAME); // "England" predicted in the gold's "Bank of England"
            return;
        }
        List<GazetteerEntry> named = gazetteer.named(surface);
        boolean rightOneThere = false;
        for (GazetteerEntry e : named) rightOneThere |= Geoparser.km(e.lat(), e.lon(), t.lat(), t.lon()) <= 161;
        boolean area = p.precision() == Precision.COUNTRY || p.precision() == Precision.ADMIN1;
        if (area && (!rightOneThere || Geoparser.km(p.lat(), p.lon(), t.lat(), t.lon()) < 1500))
            add(Kind.AREA_CONVENTION);
        else if (rightOneThere) add(Kind.WRONG_SAME_NAMED_PLACE);
        else add(Kind.WRONG_PLACE_NOT_IN_GAZETTEER);
    }

    /** A prediction that overlaps no gold and no unscored span. */
    void falsePositive(GeoparsingCorpus.Doc doc, Span s) {
        add(insideLongerName(doc.text(), s) ? Kind.NAME_INSIDE_NAME : Kind.FALSE_FRIEND);
    }

    private void add(Kind k) {
        counts.merge(k, 1, Integer::sum);
    }

    /**
     * True when the span is glued to a capitalised word before or after it ("Washington Post",
     * "Bank of England", "University of Washington"): part of a longer proper name.
     */
    static boolean insideLongerName(String text, Span s) {
        return capitalisedWordAfter(text, s.end()) || capitalisedWordBefore(text, s.start());
    }

    private static boolean capitalisedWordAfter(String text, int end) {
        int i = end;
        if (i >= text.length() || text.charAt(i) != ' ' && text.charAt(i) != '-') return false;
        i++;
        if (text.startsWith("of ", i)) i += 3;
        return i < text.length() && Character.isUpperCase(text.charAt(i));
    }

    private static boolean capitalisedWordBefore(String text, int start) {
        int i = start - 1;
        if (i < 1 || text.charAt(i) != ' ' && text.charAt(i) != '-') return false;
        int wordEnd = i;
        while (i > 0 && Character.isLetter(text.charAt(i - 1))) i--;
        String word = text.substring(i, wordEnd);
        if (word.equals("of")) return capitalisedWordBefore(text, i);
        // A capitalised word that opens a sentence is not a name: "In Paris", "The ... ".
        boolean sentenceStart =
                i == 0 || i >= 2 && ".!?\n".indexOf(text.charAt(i - 2)) >= 0 || text.charAt(i - 1) == '\n';
        return !word.isEmpty()
                && Character.isUpperCase(word.charAt(0))
                && !sentenceStart
                && !LOCATIVE_CAPITALS.contains(word);
    }

    /** Capitalised words before a place that do not make it part of a longer name (a headline's "In", a title's "North"). */
    private static final java.util.Set<String> LOCATIVE_CAPITALS = java.util.Set.of(
            "In",
            "At",
            "From",
            "To",
            "Near",
            "North",
            "South",
            "East",
            "West",
            "Northern",
            "Southern",
            "Eastern",
            "Western",
            "Central",
            "Greater");
}
