package org.sitrep.analysis.places;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sitrep.analysis.Precision;

/**
 * Place ranking: which of a name's candidate features it means. Each candidate scores its
 * importance before context (feature type, population), the bonus its context cues earned, the
 * document's country focus and, in a second pass, its closeness to the places the other names
 * resolved to. The weights are named here, in one place.
 */
final class PlaceRanking {
    /** Weight of the document's country focus (share of its unambiguous mentions) against importance. */
    private static final double FOCUS_WEIGHT = 6;
    /** Weight of log10(population) in a candidate's importance. */
    private static final double POP_WEIGHT = 1;
    /** Bonus of a district or suburb within {@link #FOCUS_CITY_KM} of the city the article is about. */
    private static final double FOCUS_CITY_WEIGHT = 3;

    private static final double FOCUS_CITY_KM = 25;

    private final Gazetteer gazetteer;

    PlaceRanking(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** Resolves every mention: a first pass without neighbours gives anchors, the second uses them. */
    void resolveAll(List<PlaceMention> mentions) {
        Map<String, Double> focus = countryFocus(mentions);
        for (PlaceMention m : mentions) resolve(m, focus, List.of(), false, null, null);
        List<PlaceMention> anchors = distinctResolved(mentions);
        GazetteerEntry city = focusCity(mentions);
        DocumentContext context = DocumentContext.of(gazetteer, mentions);
        // Repeated names without cues of their own resolve alike: decide each once.
        Map<String, PlaceMention> decided = new HashMap<>();
        for (PlaceMention m : mentions) {
            boolean plain = true;
            for (double b : m.bonus) plain &= b == 0;
            PlaceMention same = plain ? decided.get(m.key) : null;
            if (same != null) {
                m.resolved = same.resolved;
                m.confidence = same.confidence;
                continue;
            }
            resolve(m, focus, anchors, true, city, context);
            if (plain) decided.put(m.key, m);
        }
        context.onePlacePerName(mentions);
    }

    /** Share of the document's unambiguous place mentions per country. */
    Map<String, Double> countryFocus(List<PlaceMention> mentions) {
        Map<String, Double> votes = new HashMap<>();
        double total = 0;
        for (PlaceMention m : mentions) {
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

    private String bestPrior(PlaceMention m) {
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
    private double prior(int index, PlaceMention m) {
        GazetteerEntry e = gazetteer.entry(index);
        // Divisions and countries rank by type alone: their population would drown every city's.
        double s =
                switch (e.precision()) {
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
            default -> {}
        }
        if (!m.fuzzy
                && GazetteerLookup.withoutArticle(gazetteer.nameKey(index))
                        .equals(GazetteerLookup.withoutArticle(m.key))) s += 1.5;
        // A bare name shared by a province and its seat ("Aleppo", "Raqqa") means the city.
        if (e.precision() == Precision.ADMIN1 && seatAmong(e, m)) s -= 3;
        if (m.fuzzy && !Objects.equals(NameKey.skeleton(e.name()), NameKey.skeletonOf(List.of(m.key.split(" ")))))
            s -= 1;
        return s;
    }

    private boolean seatAmong(GazetteerEntry division, PlaceMention m) {
        for (int c : m.candidates) {
            GazetteerEntry e = gazetteer.entry(c);
            if (e.featureCode().equals("PPLA")
                    && e.country().equals(division.country())
                    && e.admin1().equals(division.admin1())) return true;
        }
        return false;
    }

    /**
     * The city the article is about: the city-level place its names resolved to most often, if
     * named at least twice (the first among equals). Null when no city is named twice.
     */
    GazetteerEntry focusCity(List<PlaceMention> mentions) {
        Map<Integer, Integer> counts = new HashMap<>();
        int best = -1, bestCount = 1;
        for (PlaceMention m : mentions) {
            if (m.resolved < 0 || gazetteer.entry(m.resolved).precision() != Precision.CITY) continue;
            int n = counts.merge(m.resolved, 1, Integer::sum);
            if (n > bestCount) {
                bestCount = n;
                best = m.resolved;
            }
        }
        return best < 0 ? null : gazetteer.entry(best);
    }

    /**
     * A district or suburb near the city the article is about ranks above its namesakes elsewhere:
     * "the Salahuddin district" in a story about Aleppo is Aleppo's. Only neighbourhood-level
     * candidates gain, so a town's name never turns into a village near the focus city.
     */
    private static double nearFocusCity(GazetteerEntry e, GazetteerEntry city) {
        if (city == null || e.precision() != Precision.NEIGHBOURHOOD || e.id() == city.id()) return 0;
        return Geoparser.km(e, city) < FOCUS_CITY_KM ? FOCUS_CITY_WEIGHT : 0;
    }

    private void resolve(
            PlaceMention m,
            Map<String, Double> focus,
            List<PlaceMention> all,
            boolean withNeighbours,
            GazetteerEntry city,
            DocumentContext context) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY, second = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < m.candidates.length; c++) {
            GazetteerEntry e = gazetteer.entry(m.candidates[c]);
            double s = prior(m.candidates[c], m) + m.bonus[c] + FOCUS_WEIGHT * focus.getOrDefault(e.country(), 0.0);
            if (withNeighbours) s += neighbourhood(e, m, all) + nearFocusCity(e, city) + context.namedDivision(e, m);
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
    private static List<PlaceMention> distinctResolved(List<PlaceMention> mentions) {
        Map<Integer, PlaceMention> seen = new LinkedHashMap<>();
        for (PlaceMention m : mentions) {
            if (seen.size() >= 200) break;
            seen.putIfAbsent(m.resolved, m);
        }
        return new ArrayList<>(seen.values());
    }

    /** Closeness to the places the other mentions resolved to. */
    private double neighbourhood(GazetteerEntry e, PlaceMention self, List<PlaceMention> all) {
        double best = 0;
        for (PlaceMention o : all) {
            if (o == self || o.resolved < 0 || o.key.equals(self.key)) continue;
            GazetteerEntry r = gazetteer.entry(o.resolved);
            if (r.precision() == Precision.COUNTRY) continue;
            double d = Geoparser.km(e, r);
            double b = d < 30 ? 3 : d < 150 ? 2 : d < 500 ? 1 : 0;
            best = Math.max(best, b);
        }
        return best;
    }
}
