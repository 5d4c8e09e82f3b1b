package org.sitrep.analysis.events;

import java.util.List;
import java.util.Objects;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.ActorKind;
import org.sitrep.analysis.SubEventType;

/** The side the text leaves unnamed, from the document's actors: who strikes from the air, who holds a town. */
final class DocumentSides {
    /** Sub-types of remote violence that, unattributed, are the work of a state's forces. */
    static final java.util.Set<SubEventType> REMOTE_BY_STATES = java.util.Set.of(SubEventType.AIR_DRONE_STRIKE);

    private DocumentSides() {}

    /** The most mentioned state or international force of the document, other than {@code not}. */
    static Actor airPower(List<Actor> actors, Actor not) {
        Actor best = null;
        for (Actor a : actors) {
            if (a.kind() != ActorKind.STATE_FORCES && a.kind() != ActorKind.INTERNATIONAL_FORCES) continue;
            if (a.canonical().startsWith("Government of") || "neutral".equals(a.side()) || a.mentions() == null)
                continue;
            if (not != null && (a.canonical().equals(not.canonical()) || Objects.equals(a.side(), not.side())))
                continue;
            if (best == null || a.mentions().size() > best.mentions().size()) best = a;
        }
        return best;
    }

    /** The most mentioned state force (or non-state armed group) of the document, other than {@code not}. */
    static Actor mainForce(List<Actor> actors, boolean state, Actor not) {
        Actor best = null;
        for (Actor a : actors) {
            if (a.canonical().equals(not.canonical()) || a.canonical().startsWith("Government of")) continue;
            boolean isState = a.kind() == ActorKind.STATE_FORCES;
            boolean isArmedGroup = a.kind() == ActorKind.REBEL_GROUP
                    || a.kind() == ActorKind.JIHADIST_GROUP
                    || a.kind() == ActorKind.MILITIA;
            if (state ? !isState : !isArmedGroup) continue;
            if (not.country() != null && a.country() != null && !not.country().equals(a.country()) && state) continue;
            if (best == null || a.mentions().size() > best.mentions().size()) best = a;
        }
        return best;
    }
}
