package org.sitrep.analysis.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.ActorKind;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.DateRange;
import org.sitrep.analysis.Document;
import org.sitrep.analysis.Event;
import org.sitrep.analysis.EventPlace;
import org.sitrep.analysis.Evidence;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.Precision;
import org.sitrep.analysis.Span;
import org.sitrep.analysis.dates.TimeExpression;
import org.sitrep.analysis.evaluation.Gold.GoldDate;
import org.sitrep.analysis.evaluation.Gold.GoldEvent;
import org.sitrep.analysis.evaluation.Gold.GoldPlace;

/**
 * An engine that answers with the gold itself, located in the text as the scorer locates it. Scoring
 * it must give 1 everywhere: a check that loader, gold and scorer agree on every corpus text.
 */
public final class GoldEngine implements CorpusEngine {

    @Override
    public String version() {
        return "gold";
    }

    @Override
    public Prediction analyze(CorpusText t) {
        String text =
                t.format() == Document.Format.HTML ? Jsoup.parse(t.content()).text() : t.content();
        Map<String, List<Span>> mentions = new LinkedHashMap<>();
        Map<String, GoldPlace> byKey = new LinkedHashMap<>();
        for (var m : CorpusScorer.goldPlaceMentions(t.gold().places(), text, t.id(), null)) {
            String key = m.place().name() + "|" + m.place().country();
            mentions.computeIfAbsent(key, k -> new ArrayList<>()).add(m.span());
            byKey.putIfAbsent(key, m.place());
        }
        List<Place> places = new ArrayList<>();
        byKey.forEach((k, g) -> places.add(new Place(
                g.text(),
                g.name(),
                g.lat(),
                g.lon(),
                g.country(),
                null,
                "PPL",
                0,
                Precision.valueOf(g.precision().toUpperCase()),
                mentions.get(k))));
        List<Actor> actors = new ArrayList<>();
        t.gold()
                .actors()
                .forEach(a -> actors.add(new Actor(
                        a.text(),
                        a.canonical(),
                        ActorKind.valueOf(a.kind().toUpperCase()),
                        a.side(),
                        null,
                        List.of())));
        List<TimeExpression> dates = new ArrayList<>();
        for (GoldDate d : t.gold().dates()) {
            for (Span s : Mentions.locate(text, d.text(), d.occurrence(), d.context())) {
                dates.add(new TimeExpression(s, new DateRange(d.earliest(), d.latest(), d.text())));
            }
        }
        List<Event> events = new ArrayList<>();
        for (GoldEvent e : t.gold().events()) {
            Span ev = Mentions.phrase(text, e.evidence()).get(0);
            GoldPlace gp = e.place() == null
                    ? null
                    : t.gold().places().stream()
                            .filter(p -> p.name().equals(e.place()))
                            .findFirst()
                            .orElseThrow();
            EventPlace place = gp == null
                    ? null
                    : new EventPlace(gp.name(), gp.lat(), gp.lon(), Precision.CITY, gp.country(), null, 0);
            events.add(new Event(
                    e.type(),
                    e.subType(),
                    e.actor1(),
                    e.actor2(),
                    place,
                    new DateRange(e.earliest(), e.latest(), null),
                    "",
                    new Evidence(e.evidence(), ev.start(), ev.end()),
                    1.0));
        }
        return new Prediction(
                new Analysis(Analysis.SCHEMA, "gold", t.published(), t.title(), text, places, actors, events), dates);
    }
}
