package org.sitrep.analysis.events;

import java.util.ArrayList;
import java.util.List;
import org.sitrep.analysis.ActorKind;
import org.sitrep.analysis.EventType;
import org.sitrep.analysis.SubEventType;

/** The rule that picks actor1 and actor2 from the actors a sentence names, for an event no trigger coded. */
final class NamedActorRoles {
    private NamedActorRoles() {}

    /**
     * Actor1 and actor2 for an event only the classifier saw, from the actors named in the sentence: the
     * crowd first in a protest or riot (the forces first when they used excessive force), the armed side
     * first against civilians, otherwise the order in which they are named.
     */
    static ActorSpan[] pickRoles(SubEventType label, List<ActorSpan> spans) {
        List<ActorSpan> distinct = new ArrayList<>();
        for (ActorSpan a : spans) if (distinct.stream().noneMatch(d -> RoleLabeller.same(d, a))) distinct.add(a);
        ActorSpan crowd = first(distinct, ActorKind.PROTESTERS, ActorKind.CIVILIANS);
        ActorSpan force = first(distinct, ActorKind.STATE_FORCES);
        if (label == SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS) return new ActorSpan[] {force, crowd};
        if (label.type() == EventType.PROTESTS || label.type() == EventType.RIOTS) {
            return new ActorSpan[] {crowd, crowd == null ? null : force};
        }
        if (label.type() == EventType.VIOLENCE_AGAINST_CIVILIANS) {
            ActorSpan civilians = first(distinct, ActorKind.CIVILIANS);
            ActorSpan armed =
                    distinct.stream().filter(a -> a != civilians).findFirst().orElse(null);
            return new ActorSpan[] {armed, civilians};
        }
        return new ActorSpan[] {
            distinct.isEmpty() ? null : distinct.get(0), distinct.size() > 1 ? distinct.get(1) : null
        };
    }

    private static ActorSpan first(List<ActorSpan> spans, ActorKind... kinds) {
        for (ActorSpan a : spans) for (ActorKind k : kinds) if (a.actor().kind() == k) return a;
        return null;
    }
}
