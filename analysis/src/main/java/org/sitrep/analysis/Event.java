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
 * @param fatalities the deaths the text reports for it, or null when it says nothing of deaths (filled by the
 *                   analyzer's fatalities stage, {@code org.sitrep.analysis.fatalities})
 */
public record Event(
        String type,
        String subType,
        String actor1,
        String actor2,
        EventPlace place,
        DateRange date,
        String trigger,
        Evidence evidence,
        double confidence,
        Fatalities fatalities) {

    /** An event with no word on deaths (what the event stage builds; the fatalities stage fills them in). */
    public Event(
            String type,
            String subType,
            String actor1,
            String actor2,
            EventPlace place,
            DateRange date,
            String trigger,
            Evidence evidence,
            double confidence) {
        this(type, subType, actor1, actor2, place, date, trigger, evidence, confidence, null);
    }

    /** This event with the deaths reported for it. */
    public Event withFatalities(Fatalities reported) {
        return new Event(type, subType, actor1, actor2, place, date, trigger, evidence, confidence, reported);
    }
}
