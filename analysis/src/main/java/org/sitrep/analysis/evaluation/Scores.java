package org.sitrep.analysis.evaluation;

import java.util.ArrayList;
import java.util.List;

/** Every figure of one text or of many added up. Mutable while scoring; read it after. */
public final class Scores {
    int texts;
    /** Place mentions: each gold mention matched by an overlapping engine mention. */
    Score placeMentions = Score.ZERO;
    /** Distinct places per text, matched by overlapping mentions. */
    Score places = Score.ZERO;
    /** Distinct places per text matched and put within 161 km of the gold coordinates. */
    Score placesResolved = Score.ZERO;
    /** Error of each matched place mention. */
    final GeoErrors geocoding = new GeoErrors();
    /** Canonical actors per text. */
    Score actors = Score.ZERO;

    Accuracy actorSides = Accuracy.ZERO;
    /** Time expressions by overlapping span. */
    Score dates = Score.ZERO;

    Accuracy dateRanges = Accuracy.ZERO;
    /** Events matched by ACLED type and evidence sentence. */
    Score events = Score.ZERO;

    Accuracy eventSubTypes = Accuracy.ZERO;
    Accuracy eventActor1 = Accuracy.ZERO;
    Accuracy eventActor2 = Accuracy.ZERO;
    Accuracy eventPlaces = Accuracy.ZERO;
    Accuracy eventDates = Accuracy.ZERO;
    /** What went wrong, for people tuning the engine: "id: place missed 'Kessab'". */
    final List<String> misses = new ArrayList<>();

    public void add(Scores o) {
        texts += o.texts;
        placeMentions = placeMentions.plus(o.placeMentions);
        places = places.plus(o.places);
        placesResolved = placesResolved.plus(o.placesResolved);
        geocoding.addAll(o.geocoding);
        actors = actors.plus(o.actors);
        actorSides = actorSides.plus(o.actorSides);
        dates = dates.plus(o.dates);
        dateRanges = dateRanges.plus(o.dateRanges);
        events = events.plus(o.events);
        eventSubTypes = eventSubTypes.plus(o.eventSubTypes);
        eventActor1 = eventActor1.plus(o.eventActor1);
        eventActor2 = eventActor2.plus(o.eventActor2);
        eventPlaces = eventPlaces.plus(o.eventPlaces);
        eventDates = eventDates.plus(o.eventDates);
        misses.addAll(o.misses);
    }

    public int texts() {
        return texts;
    }

    public Score placeMentions() {
        return placeMentions;
    }

    public Score places() {
        return places;
    }

    public Score placesResolved() {
        return placesResolved;
    }

    public GeoErrors geocoding() {
        return geocoding;
    }

    public Score actors() {
        return actors;
    }

    public Accuracy actorSides() {
        return actorSides;
    }

    public Score dates() {
        return dates;
    }

    public Accuracy dateRanges() {
        return dateRanges;
    }

    public Score events() {
        return events;
    }

    public Accuracy eventSubTypes() {
        return eventSubTypes;
    }

    public Accuracy eventActor1() {
        return eventActor1;
    }

    public Accuracy eventActor2() {
        return eventActor2;
    }

    public Accuracy eventPlaces() {
        return eventPlaces;
    }

    public Accuracy eventDates() {
        return eventDates;
    }

    public List<String> misses() {
        return List.copyOf(misses);
    }
}
