package org.sitrep.analysis.places;

import java.util.List;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.Span;

/**
 * What the place stage read in a document: its places (every mention, as {@link PlaceFinder#find(String)}
 * gives them), and the mentions that name a place without saying where anything happened: a
 * capital speaking for its government ("Damascus said", "the Ankara government"), a city lending
 * its name to a road, gate or bridge ("the X–Y highway"). Those stay places of the text but
 * are never an event's place. Adjectival references ("Syrian forces", "European leaders") are a
 * kind of place mention of their own, kept apart from the places: linked to their country for
 * filters and nationality, never an event's place.
 */
public record PlacesInText(List<Place> places, List<Span> notEventPlaces, List<Place> adjectival) {
    public PlacesInText {
        places = List.copyOf(places);
        notEventPlaces = List.copyOf(notEventPlaces);
        adjectival = List.copyOf(adjectival);
    }

    /** Places without adjectival references (a finder that reads none). */
    public PlacesInText(List<Place> places, List<Span> notEventPlaces) {
        this(places, notEventPlaces, List.of());
    }
}
