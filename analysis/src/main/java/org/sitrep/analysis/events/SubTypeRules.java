package org.sitrep.analysis.events;

import java.util.List;
import java.util.Objects;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.ActorKind;
import org.sitrep.analysis.EventType;
import org.sitrep.analysis.SubEventType;
import org.sitrep.analysis.events.TriggerLexicon.Trigger;

/** Sub-type refinements that depend on who did it to whom: territory taken, protests, civilians as targets. */
final class SubTypeRules {
    private final WordClasses words;

    SubTypeRules(WordClasses words) {
        this.words = words;
    }

    /**
     * The classifier's sub-type for the rules' event. Who took a town stays the rules' call (a state's
     * forces regain, anyone else overtakes); the roles of a protest follow ACLED's order.
     */
    static void relabel(Candidate c, SubEventType label) {
        c.kind = label;
        if (territorial(label) && c.agent != null) {
            ActorKind k = c.agent.kind();
            c.kind = k == ActorKind.STATE_FORCES || k == ActorKind.INTERNATIONAL_FORCES
                    ? SubEventType.GOVERNMENT_REGAINS_TERRITORY
                    : SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY;
        }
        boolean crowd = label.type() == EventType.PROTESTS || label.type() == EventType.RIOTS;
        boolean forcesFirst = label == SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS;
        if (crowd && c.agent != null && c.target != null) {
            boolean agentIsForce = c.agent.kind() == ActorKind.STATE_FORCES;
            boolean targetIsCrowd = c.target.kind() == ActorKind.PROTESTERS || c.target.kind() == ActorKind.CIVILIANS;
            if (agentIsForce && targetIsCrowd && !forcesFirst
                    || !agentIsForce && !targetIsCrowd && forcesFirst && c.target.kind() == ActorKind.STATE_FORCES) {
                Actor a = c.agent;
                c.agent = c.target;
                c.target = a;
            }
        }
        if (crowd && !forcesFirst && c.agent != null && c.agent.kind() == ActorKind.CIVILIANS)
            c.agent = asProtesters(c.agent);
    }

    /** Sub-type refinements that depend on who did it to whom and on the words around. */
    void refine(Candidate c, Trigger t, String[] stems) {
        if (Objects.equals(c.agent, c.target)) c.target = null;
        if (t.has("territory") && c.agent != null) {
            ActorKind k = c.agent.kind();
            c.kind = k == ActorKind.STATE_FORCES || k == ActorKind.INTERNATIONAL_FORCES
                    ? SubEventType.GOVERNMENT_REGAINS_TERRITORY
                    : SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY;
        }
        if (t.has("civilians")) reconsiderCivilians(c);
        if (t.has("protest") || t.has("riot")) {
            if (t.has("protest") && words.any("violent", stems)) {
                c.kind = SubEventType.VIOLENT_DEMONSTRATION;
            } else if (t.has("protest")) {
                if (words.any("excessive", stems)) c.kind = SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS;
                else if (words.any("intervention", stems)) c.kind = SubEventType.PROTEST_WITH_INTERVENTION;
                else if (c.kind.type() != EventType.PROTESTS) c.kind = SubEventType.PEACEFUL_PROTEST;
            }
            // "police dispersed demonstrators": the protesters are actor1, the police actor2 (ACLED);
            // but excessive force is coded with the forces that used it first
            boolean response = t.kind() == SubEventType.PROTEST_WITH_INTERVENTION
                    && c.kind != SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS;
            if (c.agent != null
                    && c.agent.kind() == ActorKind.STATE_FORCES
                    && (response || c.target != null && c.target.kind() == ActorKind.PROTESTERS)) {
                Actor a = c.agent;
                c.agent = c.target;
                c.target = a;
            }
            if (c.agent != null && c.agent.kind() == ActorKind.CIVILIANS) c.agent = asProtesters(c.agent);
            if (c.agent == null)
                c.agent = new Actor("protesters", "Protesters", ActorKind.PROTESTERS, "protesters", null, List.of());
        }
        if (c.kind.type() == EventType.BATTLES && c.agent != null && c.agent.kind() == ActorKind.PROTESTERS) {
            c.kind = SubEventType.VIOLENT_DEMONSTRATION; // "protesters clashed with troops"
        }
        if (c.kind == SubEventType.LOOTING_PROPERTY_DESTRUCTION
                && c.agent != null
                && c.agent.kind() == ActorKind.PROTESTERS) { // "demonstrators set fire to party offices"
            c.kind = SubEventType.VIOLENT_DEMONSTRATION;
        }
        if (c.kind == SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS
                && c.agent != null
                && c.agent.kind() == ActorKind.PROTESTERS
                && c.target != null
                && c.target.kind() == ActorKind.STATE_FORCES) {
            Actor a = c.agent;
            c.agent = c.target;
            c.target = a;
        }
    }

    /** ACLED never codes civilians as the ones who fight or strike: they are the targets. */
    static void civiliansAreNotAgents(Candidate c) {
        if (c.agent == null || c.agent.kind() != ActorKind.CIVILIANS) return;
        if (c.kind.type() == EventType.PROTESTS || c.kind.type() == EventType.RIOTS) return;
        if (c.target == null) c.target = c.agent;
        c.agent = null;
    }

    static void reconsiderCivilians(Candidate c) {
        if (c.target == null || c.kind.type() != EventType.BATTLES) return;
        if (c.target.kind() == ActorKind.CIVILIANS) {
            c.kind = SubEventType.ATTACK;
        } else if (c.target.kind() == ActorKind.PROTESTERS) {
            c.kind = SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS;
        }
    }

    /** ACLED names protesters as such: "Civilians (Iraq)" who demonstrate are "Protesters (Iraq)". */
    private static Actor asProtesters(Actor civilians) {
        String name = civilians.canonical().startsWith("Civilians")
                ? "Protesters" + civilians.canonical().substring("Civilians".length())
                : civilians.canonical();
        return new Actor(
                civilians.name(), name, ActorKind.PROTESTERS, "protesters", civilians.country(), civilians.mentions());
    }

    /** A town or area changing hands by force. */
    static boolean territorial(SubEventType kind) {
        return kind == SubEventType.GOVERNMENT_REGAINS_TERRITORY
                || kind == SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY;
    }
}
