package org.sitrep.analysis.events;

import java.util.List;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.DateRange;
import org.sitrep.analysis.Evidence;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.SubEventType;

/** One trigger in one sentence, before merging. */
final class Candidate {
    SubEventType kind;
    Actor agent;
    Actor target;
    Place place;
    DateRange date;
    String trigger;
    Evidence evidence;
    double confidence;
    int triggerStart;
    boolean placeInSentence;
    /** "the fighting", "the battle for Hodeidah": a noun action the reader already knows of. */
    boolean definiteNoun;
    /** Where the action is when no place is attached to it: see {@link PlaceAndDate#fallbackPlace}. */
    Place fallbackPlace;
    /** The sentence's tokens and the actors named in it, and the trigger's tokens [triggerToken, triggerEnd): what the role picker reads. */
    List<Tok> toks;

    List<ActorSpan> actors;
    int triggerToken = -1;
    int triggerEnd = -1;
    /** Told only in a headline, byline, caption, tag line or "what to watch" list (so far): see {@link PageFurniture}. */
    boolean furniture;

    int filled() {
        return (agent != null ? 1 : 0)
                + (target != null ? 1 : 0)
                + (place != null ? 1 : 0)
                + (date != null && date.text() != null ? 1 : 0);
    }
}
