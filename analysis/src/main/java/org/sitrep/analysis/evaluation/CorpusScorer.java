package org.sitrep.analysis.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.DateRange;
import org.sitrep.analysis.Event;
import org.sitrep.analysis.EventPlace;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.Span;
import org.sitrep.analysis.dates.TimeExpression;
import org.sitrep.analysis.evaluation.Gold.GoldActor;
import org.sitrep.analysis.evaluation.Gold.GoldDate;
import org.sitrep.analysis.evaluation.Gold.GoldEvent;
import org.sitrep.analysis.evaluation.Gold.GoldPlace;

/**
 * Compares the engine's analysis of one text with its gold. Gold surfaces are found again in the
 * engine's own cleaned text, so the score does not depend on how cleaning moved offsets; a gold
 * mention the cleaned text lost counts as missed.
 */
public final class CorpusScorer {
    /** ACLED's geographic precision band: a place within this distance counts as the right place. */
    public static final double NEAR_KM = 161;

    public static final double EXACT_KM = 10;

    public Scores score(CorpusText gold, Prediction prediction) {
        Analysis a = prediction.analysis();
        String text = a.text() == null ? "" : a.text();
        Scores s = new Scores();
        s.texts = 1;
        places(gold, a, text, s);
        actors(gold, a, s);
        dates(gold, prediction, text, s);
        events(gold, a, text, s);
        return s;
    }

    // ---- places

    /** One gold mention: where, and which gold place. */
    record GoldMention(Span span, GoldPlace place) {}

    private record PredMention(Span span, Place place) {}

    private void places(CorpusText gold, Analysis a, String text, Scores s) {
        List<GoldMention> goldMentions = goldPlaceMentions(gold.gold().places(), text, gold.id(), s);
        List<PredMention> pred = new ArrayList<>();
        for (Place p : nonNull(a.places())) {
            for (Span m : nonNull(p.mentions())) {
                if (m.end() <= text.length()) pred.add(new PredMention(m, p));
            }
        }
        // Mentions: one-to-one by overlap.
        List<Span> predSpans = pred.stream().map(PredMention::span).toList();
        boolean[] used = new boolean[pred.size()];
        int tp = 0;
        Map<String, Place> matchedPlace = new LinkedHashMap<>();
        for (GoldMention g : goldMentions) {
            int j = bestOverlap(g.span(), predSpans, used);
            if (j < 0) {
                s.misses.add(gold.id() + ": place missed '" + g.place().text() + "' at "
                        + g.span().start());
                continue;
            }
            used[j] = true;
            tp++;
            Place p = pred.get(j).place();
            double km = errorKm(p.lat(), p.lon(), p.country(), g.place());
            s.geocoding.add(km);
            if (!(km <= NEAR_KM)) {
                s.misses.add(gold.id() + ": place '" + g.place().text() + "' put at " + p.name() + " (" + p.country()
                        + "), " + (Double.isFinite(km) ? Math.round(km) + " km" : "no coordinates") + " from "
                        + g.place().name());
            }
            matchedPlace.putIfAbsent(key(g.place()), p);
        }
        for (int j = 0; j < pred.size(); j++) {
            if (!used[j])
                s.misses.add(
                        gold.id() + ": place false '" + slice(text, pred.get(j).span()) + "' -> "
                                + pred.get(j).place().name() + " ("
                                + pred.get(j).place().country() + ")");
        }
        s.placeMentions = new Score(tp, pred.size() - tp, goldMentions.size() - tp);

        // Distinct places: a gold place is found when any of its mentions overlaps any mention of an engine place.
        Map<String, List<GoldMention>> byPlace = new LinkedHashMap<>();
        for (GoldMention g : goldMentions)
            byPlace.computeIfAbsent(key(g.place()), k -> new ArrayList<>()).add(g);
        Set<String> goldKeys = new HashSet<>();
        gold.gold().places().forEach(p -> goldKeys.add(key(p)));
        List<Place> predPlaces = nonNull(a.places());
        boolean[] taken = new boolean[predPlaces.size()];
        int found = 0, resolved = 0;
        for (String k : goldKeys.stream().sorted().toList()) {
            List<GoldMention> ms = byPlace.getOrDefault(k, List.of());
            for (int j = 0; j < predPlaces.size(); j++) {
                if (taken[j] || !overlapsAny(ms, predPlaces.get(j))) continue;
                taken[j] = true;
                found++;
                GoldPlace gp = ms.get(0).place();
                Place p = predPlaces.get(j);
                if (errorKm(p.lat(), p.lon(), p.country(), gp) <= NEAR_KM) resolved++;
                break;
            }
        }
        s.places = new Score(found, predPlaces.size() - found, goldKeys.size() - found);
        s.placesResolved = new Score(resolved, predPlaces.size() - resolved, goldKeys.size() - resolved);
    }

    /**
     * How far the engine put a place from its gold point. A country named as such is right when the
     * engine names the same country: which point stands for a country is a convention, not a fact.
     */
    static double errorKm(double lat, double lon, String country, GoldPlace gold) {
        if ("country".equals(gold.precision()) && gold.country().equalsIgnoreCase(Objects.toString(country, "")))
            return 0;
        return GeoErrors.km(lat, lon, gold.lat(), gold.lon());
    }

    private static boolean overlapsAny(Span s, List<Span> spans) {
        for (Span o : spans) if (o.overlaps(s)) return true;
        return false;
    }

    private static boolean overlapsAny(List<GoldMention> ms, Place p) {
        for (GoldMention g : ms) {
            for (Span m : nonNull(p.mentions())) if (m.overlaps(g.span())) return true;
        }
        return false;
    }

    /**
     * Gold mentions in the engine's text. A surface given without occurrence or context means every
     * occurrence, except those claimed by another gold mention ("Aleppo" inside "Aleppo province").
     */
    static List<GoldMention> goldPlaceMentions(List<GoldPlace> places, String text, String id, Scores s) {
        List<GoldMention> explicit = new ArrayList<>();
        List<GoldMention> every = new ArrayList<>();
        for (GoldPlace p : places) {
            List<Span> spans = Mentions.locate(text, p.text(), p.occurrence(), p.context());
            if (spans.isEmpty()) {
                // Lost by cleaning: still a gold mention, and one the engine cannot have found.
                explicit.add(new GoldMention(new Span(text.length(), text.length()), p));
                if (s != null) s.misses.add(id + ": gold place '" + p.text() + "' is not in the engine's text");
                continue;
            }
            boolean all = p.occurrence() == null && p.context() == null;
            for (Span sp : spans) (all ? every : explicit).add(new GoldMention(sp, p));
        }
        List<GoldMention> out = new ArrayList<>(explicit);
        List<GoldMention> claimed = new ArrayList<>(explicit);
        claimed.addAll(every);
        for (GoldMention g : every) {
            boolean inside = false;
            for (GoldMention o : claimed) {
                if (o == g) continue;
                boolean contains = o.span().start() <= g.span().start()
                        && g.span().end() <= o.span().end();
                boolean longer = o.span().end() - o.span().start()
                        > g.span().end() - g.span().start();
                boolean explicitSame = contains && !longer && explicit.contains(o);
                if (contains && (longer || explicitSame)) {
                    inside = true;
                    break;
                }
            }
            if (!inside) out.add(g);
        }
        out.sort((x, y) -> Integer.compare(x.span().start(), y.span().start()));
        return out;
    }

    private static String key(GoldPlace p) {
        return p.name() + "|" + p.country();
    }

    /** The unused span overlapping {@code g} the most, or -1. */
    private static int bestOverlap(Span g, List<Span> pred, boolean[] used) {
        int best = -1, bestLen = 0;
        for (int j = 0; j < pred.size(); j++) {
            if (used[j]) continue;
            Span p = pred.get(j);
            if (!p.overlaps(g)) continue;
            int len = Math.min(p.end(), g.end()) - Math.max(p.start(), g.start());
            if (len > bestLen) {
                best = j;
                bestLen = len;
            }
        }
        return best;
    }

    // ---- actors

    private void actors(CorpusText gold, Analysis a, Scores s) {
        Map<String, GoldActor> goldByName = new LinkedHashMap<>();
        for (GoldActor g : gold.gold().actors()) goldByName.putIfAbsent(ActorNames.normalize(g.canonical()), g);
        Map<String, Actor> predByName = new LinkedHashMap<>();
        for (Actor p : nonNull(a.actors())) {
            if (p.canonical() != null) predByName.putIfAbsent(ActorNames.normalize(p.canonical()), p);
        }
        int tp = 0;
        for (Map.Entry<String, GoldActor> e : goldByName.entrySet()) {
            Actor p = predByName.get(e.getKey());
            if (p == null) {
                s.misses.add(gold.id() + ": actor missed " + e.getValue().canonical() + " ('"
                        + e.getValue().text() + "')");
                continue;
            }
            tp++;
            boolean side = e.getValue().side().equalsIgnoreCase(Objects.toString(p.side(), ""));
            s.actorSides = s.actorSides.plus(side);
            if (!side)
                s.misses.add(gold.id() + ": actor " + p.canonical() + " side '" + p.side() + "', gold '"
                        + e.getValue().side() + "'");
        }
        for (Map.Entry<String, Actor> e : predByName.entrySet()) {
            if (!goldByName.containsKey(e.getKey()))
                s.misses.add(gold.id() + ": actor false " + e.getValue().canonical() + " ('"
                        + e.getValue().name() + "')");
        }
        s.actors = new Score(tp, predByName.size() - tp, goldByName.size() - tp);
    }

    // ---- dates

    private record DateMention(Span span, DateRange range) {}

    private void dates(CorpusText gold, Prediction prediction, String text, Scores s) {
        List<DateMention> pred = predictedDates(prediction, text);
        List<Span> predSpans = pred.stream().map(DateMention::span).toList();
        boolean[] used = new boolean[pred.size()];
        int tp = 0, goldCount = 0;
        for (GoldDate g : gold.gold().dates()) {
            List<Span> spans = Mentions.locate(text, g.text(), g.occurrence(), g.context());
            if (spans.isEmpty()) {
                goldCount++;
                s.misses.add(gold.id() + ": gold date '" + g.text() + "' is not in the engine's text");
                continue;
            }
            for (Span sp : spans) {
                goldCount++;
                int j = bestOverlap(sp, predSpans, used);
                if (j < 0) {
                    s.misses.add(gold.id() + ": date missed '" + g.text() + "'");
                    continue;
                }
                used[j] = true;
                tp++;
                DateRange r = pred.get(j).range();
                boolean exact = r != null
                        && g.earliest().equals(r.earliest())
                        && g.latest().equals(r.latest());
                s.dateRanges = s.dateRanges.plus(exact);
                if (!exact)
                    s.misses.add(gold.id() + ": date '" + g.text() + "' resolved to " + range(r) + ", gold "
                            + g.earliest() + ".." + g.latest());
            }
        }
        for (int j = 0; j < pred.size(); j++) {
            if (!used[j])
                s.misses.add(
                        gold.id() + ": date false '" + slice(text, pred.get(j).span()) + "'");
        }
        s.dates = new Score(tp, pred.size() - tp, goldCount - tp);
    }

    /** The engine's time expressions; without them, the distinct dates its events cite, found in their sentences. */
    private static List<DateMention> predictedDates(Prediction prediction, String text) {
        List<DateMention> out = new ArrayList<>();
        if (prediction.dates() != null) {
            for (TimeExpression t : prediction.dates()) {
                if (t.span() != null && t.span().end() <= text.length()) out.add(new DateMention(t.span(), t.range()));
            }
            return out;
        }
        Set<Span> seen = new HashSet<>();
        for (Event e : nonNull(prediction.analysis().events())) {
            DateRange d = e.date();
            if (d == null || d.text() == null || d.text().isBlank()) continue;
            List<Span> spans = Mentions.phrase(text, d.text());
            if (spans.isEmpty()) continue;
            Span chosen = spans.get(0);
            if (e.evidence() != null) {
                for (Span sp : spans) {
                    if (sp.start() >= e.evidence().start()
                            && sp.end() <= e.evidence().end()) {
                        chosen = sp;
                        break;
                    }
                }
            }
            if (seen.add(chosen)) out.add(new DateMention(chosen, d));
        }
        return out;
    }

    // ---- events

    private void events(CorpusText gold, Analysis a, String text, Scores s) {
        List<Event> pred = nonNull(a.events());
        List<Span> predSpans = new ArrayList<>();
        for (Event e : pred) predSpans.add(evidenceSpan(e, text));
        Map<String, GoldPlace> placeByName = new HashMap<>();
        for (GoldPlace p : gold.gold().places()) placeByName.putIfAbsent(p.name(), p);
        boolean[] used = new boolean[pred.size()];
        int tp = 0;
        for (GoldEvent g : gold.gold().events()) {
            List<Span> ev = new ArrayList<>(Mentions.phrase(text, g.evidence()));
            if (ev.size() > 1) ev = new ArrayList<>(ev.subList(0, 1));
            for (String also : g.alsoEvidence()) ev.addAll(Mentions.phrase(text, also));
            int match = -1;
            if (!ev.isEmpty()) {
                for (int pass = 0; pass < 2 && match < 0; pass++) {
                    for (int j = 0; j < pred.size(); j++) {
                        Event p = pred.get(j);
                        if (used[j] || predSpans.get(j) == null || !g.type().equals(p.type())) continue;
                        if (!overlapsAny(predSpans.get(j), ev)) continue;
                        if (pass == 0 && !g.subType().equals(p.subType())) continue;
                        match = j;
                        break;
                    }
                }
            }
            if (match < 0) {
                s.misses.add(gold.id() + ": event missed " + g.subType() + " '" + g.evidence() + "'");
                continue;
            }
            used[match] = true;
            tp++;
            Event p = pred.get(match);
            String what = gold.id() + ": event '" + g.evidence() + "' ";
            check(s, what + "sub-type", g.subType(), p.subType(), g.subType().equals(p.subType()), Acc.SUB);
            check(s, what + "actor1", g.actor1(), p.actor1(), ActorNames.same(g.actor1(), p.actor1()), Acc.A1);
            check(s, what + "actor2", g.actor2(), p.actor2(), ActorNames.same(g.actor2(), p.actor2()), Acc.A2);
            GoldPlace gp = g.place() == null ? null : placeByName.get(g.place());
            EventPlace pp = p.place();
            boolean placeRight =
                    gp == null ? pp == null : pp != null && errorKm(pp.lat(), pp.lon(), pp.country(), gp) <= NEAR_KM;
            check(s, what + "place", g.place(), pp == null ? null : pp.name(), placeRight, Acc.PLACE);
            DateRange d = p.date();
            boolean dateRight = d != null
                    && d.earliest() != null
                    && d.latest() != null
                    && !d.earliest().isAfter(g.latest())
                    && !g.earliest().isAfter(d.latest());
            check(s, what + "date", g.earliest() + ".." + g.latest(), range(d), dateRight, Acc.DATE);
        }
        for (int j = 0; j < pred.size(); j++) {
            if (!used[j])
                s.misses.add(gold.id() + ": event false " + pred.get(j).subType() + " '"
                        + (pred.get(j).evidence() == null
                                ? ""
                                : pred.get(j).evidence().sentence()) + "'");
        }
        s.events = new Score(tp, pred.size() - tp, gold.gold().events().size() - tp);
    }

    private enum Acc {
        SUB,
        A1,
        A2,
        PLACE,
        DATE
    }

    private static void check(Scores s, String what, String gold, String found, boolean right, Acc which) {
        switch (which) {
            case SUB -> s.eventSubTypes = s.eventSubTypes.plus(right);
            case A1 -> s.eventActor1 = s.eventActor1.plus(right);
            case A2 -> s.eventActor2 = s.eventActor2.plus(right);
            case PLACE -> s.eventPlaces = s.eventPlaces.plus(right);
            case DATE -> s.eventDates = s.eventDates.plus(right);
        }
        if (!right) s.misses.add(what + ": " + found + ", gold " + gold);
    }

    /** The evidence's offsets when they are sane, else where its sentence is in the text. */
    private static Span evidenceSpan(Event e, String text) {
        if (e.evidence() == null) return null;
        int start = e.evidence().start(), end = e.evidence().end();
        if (start >= 0 && end > start && end <= text.length()) return new Span(start, end);
        String sentence = e.evidence().sentence();
        if (sentence == null || sentence.isBlank()) return null;
        List<Span> spans = Mentions.phrase(text, sentence);
        return spans.isEmpty() ? null : spans.get(0);
    }

    private static String range(DateRange d) {
        if (d == null) return "no date";
        LocalDate e = d.earliest(), l = d.latest();
        return e + ".." + l;
    }

    private static String slice(String text, Span s) {
        return text.substring(Math.min(s.start(), text.length()), Math.min(s.end(), text.length()));
    }

    private static <T> List<T> nonNull(List<T> l) {
        return l == null ? List.of() : l;
    }

    /** Canonical actor names compared without case, a leading "the" or spacing differences. */
    static final class ActorNames {
        private ActorNames() {}

        static String normalize(String name) {
            if (name == null) return null;
            String n = name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            return n.startsWith("the ") ? n.substring(4) : n;
        }

        static boolean same(String a, String b) {
            return Objects.equals(normalize(a), normalize(b));
        }
    }
}
