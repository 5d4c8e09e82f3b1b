package org.sitrep.analysis.places;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.Precision;
import org.sitrep.analysis.Span;
import org.sitrep.analysis.text.TokenisedText;
import org.sitrep.analysis.text.Word;

/**
 * Finds place names in English news text and resolves each to a gazetteer feature: the engine's
 * place stage, which runs the place classes of this package in order.
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

    private final Gazetteer gazetteer;
    private final PlaceNameFinder names;
    private final ContextCues cues;
    private final PlaceRanking ranking;
    private final NeighbourhoodFallback neighbourhoods;
    private final SpeakerPlaces speakers;
    private final FacilityNames facilities = new FacilityNames();
    private final NamesInsideNames organisations = new NamesInsideNames();
    private final AdjectivalReferences adjectives = AdjectivalReferences.bundled();

    public Geoparser(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        PlaceWords lists = new PlaceWords();
        this.names = new PlaceNameFinder(new GazetteerLookup(gazetteer), lists);
        this.cues = new ContextCues(gazetteer, lists);
        this.ranking = new PlaceRanking(gazetteer);
        this.neighbourhoods = new NeighbourhoodFallback(gazetteer, lists);
        this.speakers = new SpeakerPlaces(gazetteer, lists);
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

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    @Override
    public List<Place> find(String text) {
        return find(TokenisedText.of(text)).places();
    }

    /**
     * The stages, each its own class: candidate finding ({@link PlaceNameFinder}, with its
     * {@link GazetteerLookup}), context cues ({@link ContextCues}), ranking with the document's focus
     * ({@link PlaceRanking}), districts named as part of a city ({@link NeighbourhoodFallback}), and
     * last the mentions that are no event's place: speakers and institutions ({@link SpeakerPlaces}),
     * names of roads, gates and bridges ({@link FacilityNames}), places inside an organisation's
     * name ({@link NamesInsideNames}); adjectival references
     * ({@link AdjectivalReferences}) are read beside the names, as a kind of their own.
     */
    @Override
    public PlacesInText find(TokenisedText document) {
        String text = document.text();
        if (text == null || text.isBlank()) return new PlacesInText(List.of(), List.of());
        List<Word> tokens = document.words();
        List<PlaceMention> mentions = names.find(text, tokens);
        List<Place> adjectival = adjectives.find(gazetteer, text, tokens, mentions);
        if (mentions.isEmpty()) return new PlacesInText(List.of(), List.of(), adjectival);
        cues.apply(text, tokens, mentions);
        ranking.resolveAll(mentions);
        neighbourhoods.apply(text, tokens, mentions);
        speakers.mark(document, tokens, mentions);
        facilities.mark(text, tokens, mentions);
        organisations.mark(tokens, mentions);
        List<Span> notEventPlaces = new ArrayList<>();
        for (PlaceMention m : mentions) {
            if (m.notEventPlace)
                notEventPlaces.add(new Span(
                        tokens.get(m.from).start(), tokens.get(m.to - 1).end()));
        }
        return new PlacesInText(places(text, tokens, mentions), notEventPlaces, adjectival);
    }

    private List<Place> places(String text, List<Word> tokens, List<PlaceMention> mentions) {
        Map<String, List<Span>> spans = new LinkedHashMap<>();
        Map<String, PlaceMention> firstOf = new HashMap<>();
        for (PlaceMention m : mentions) {
            GazetteerEntry e = gazetteer.entry(m.resolved);
            String key = e.id() + (m.fallbackPrecision == null ? "" : "|" + NameKey.exact(surface(text, tokens, m)));
            spans.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Span(
                            tokens.get(m.from).start(), tokens.get(m.to - 1).end()));
            firstOf.putIfAbsent(key, m);
        }
        List<Place> out = new ArrayList<>(spans.size());
        for (Map.Entry<String, List<Span>> s : spans.entrySet()) {
            PlaceMention m = firstOf.get(s.getKey());
            GazetteerEntry e = gazetteer.entry(m.resolved);
            long id = e.id();
            if (id < 0 && gazetteer.parentCity(id) != 0 && e.precision() == Precision.NEIGHBOURHOOD) {
                // Curated neighbourhoods keep their own position; the id tells they are Sitrep's own.
            }
            Precision p = m.fallbackPrecision != null ? m.fallbackPrecision : e.precision();
            out.add(new Place(
                    surface(text, tokens, m),
                    e.name(),
                    round(e.lat()),
                    round(e.lon()),
                    e.country(),
                    e.admin1().isEmpty() ? null : e.admin1(),
                    e.featureCode(),
                    id,
                    p,
                    List.copyOf(s.getValue())));
        }
        return out;
    }

    private static String surface(String text, List<Word> tokens, PlaceMention m) {
        return text.substring(tokens.get(m.from).start(), tokens.get(m.to - 1).end());
    }

    private static double round(double v) {
        return Math.round(v * 1e5) / 1e5;
    }

    /** Great-circle distance in km. */
    public static double km(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
        double dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double a =
                Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 6371.0088 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    static double km(GazetteerEntry a, GazetteerEntry b) {
        return km(a.lat(), a.lon(), b.lat(), b.lon());
    }
}
