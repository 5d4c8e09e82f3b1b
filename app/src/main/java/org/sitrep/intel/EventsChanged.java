package org.sitrep.intel;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.sitrep.common.SharedChange;

/**
 * Published (as a Spring application event) by whatever writes {@code intel_events}: these events, and every
 * event of these documents, may have been added, changed or deleted. The {@link EventMapIndex} reads them again
 * once the transaction commits. A deleted event must be named by id: a document's events are read back, not diffed.
 */
public record EventsChanged(Set<Long> eventIds, Set<Long> documentIds) implements SharedChange {
    public EventsChanged {
        eventIds = Set.copyOf(eventIds);
        documentIds = Set.copyOf(documentIds);
    }

    public static EventsChanged events(Long... ids) {
        return new EventsChanged(new HashSet<>(Arrays.asList(ids)), Set.of());
    }
}
