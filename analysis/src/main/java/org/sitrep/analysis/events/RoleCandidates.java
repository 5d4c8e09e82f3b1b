package org.sitrep.analysis.events;

import java.util.List;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.SubEventType;

/**
 * The actors that could fill the roles of one event, each with the features the role model reads
 * ({@link RoleFeatures}): the actors named in the event's sentence and the ones the rules chose.
 *
 * @param subType    the event's sub-type as coded
 * @param candidates distinct actors, in order of mention (the rules' choices named elsewhere last)
 */
public record RoleCandidates(SubEventType subType, List<Named> candidates) {

    /**
     * One actor that could be actor1 or actor2.
     *
     * @param actor     the actor
     * @param ruleRole  what the rules made it: "actor1", "actor2" or "none"
     * @param features  what the role model reads
     */
    public record Named(Actor actor, String ruleRole, String[] features) {}

    public int size() {
        return candidates.size();
    }
}
