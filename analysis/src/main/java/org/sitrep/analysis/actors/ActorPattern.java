package org.sitrep.analysis.actors;

import java.util.EnumSet;
import java.util.Set;

/**
 * The ways {@link PatternActorFinder} names an actor no dictionary knows, each with its own switch: one that
 * finds actors a text's readers would not list lowers actor precision, so each is measured on the development
 * corpus alone and only those that cost none are on by default (figures in docs/analysis/README.md).
 */
public enum ActorPattern {
    /** "forces loyal to X", "fighters allied to the government". */
    LOYAL_TO,
    /** "X supporters", "supporters of X": the country's protesters. */
    SUPPORTERS,
    /** "an alliance of rebel groups", "a coalition of armed factions". */
    COALITION,
    /** "the X Front", "the 47th Brigade", "the X Operations Room": a formation's own name. */
    FORMATION,
    /** An unknown acronym before "fighters", "soldiers", "positions": "FARDC soldiers". */
    ACRONYM,
    /** "clan militias", "self-defence groups", "vigilante groups": an identity militia. */
    IDENTITY_MILITIA,
    /** "X-backed militias". */
    BACKED_MILITIA,
    /** "the X militia", "X tribesmen", "M23 rebels", "X jihadists": a town's, a people's or a group's name before the head. */
    NAMED_MILITIA;

    /** Every pattern. */
    public static Set<ActorPattern> all() {
        return EnumSet.allOf(ActorPattern.class);
    }

    /**
     * The patterns on by default: those that cost no actor precision on the development corpus's dev split, each
     * measured alone ({@code ActorPatternMeasure}). "Loyal to", formations and named militias each gave its
     * texts an actor their annotators did not list, so they stay off.
     */
    public static Set<ActorPattern> byDefault() {
        return EnumSet.of(SUPPORTERS, COALITION, ACRONYM, IDENTITY_MILITIA, BACKED_MILITIA);
    }
}
