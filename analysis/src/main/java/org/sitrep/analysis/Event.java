package org.sitrep.analysis;

/**
 * One action: who did what to whom, where and when, with the sentence it came from.
 *
 * @param type       ACLED event type ("Battles", "Explosions/Remote violence", …)
 * @param subType    ACLED sub-event type ("Armed clash", "Air/drone strike", …)
 * @param actor1     canonical name of the agent, or null when unknown
 * @param actor2     canonical name of the target, or null
 * @param place      where, or null when the text does not say
 * @param date       when, resolved against the publication date
 * @param trigger    the action words ("shelled", "offensive")
 * @param confidence 0..1; hedged reports ("reportedly", "attempted to") score lower
 */
public record Event(String type, String subType, String actor1, String actor2, EventPlace place, DateRange date,
                   String trigger, Evidence evidence, double confidence) {}
