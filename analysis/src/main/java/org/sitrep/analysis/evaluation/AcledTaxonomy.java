package org.sitrep.analysis.evaluation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitrep.analysis.EventType;
import org.sitrep.analysis.SubEventType;

/**
 * ACLED's event types and their sub-types as strings, for gold files and the app's review forms (an
 * analyst's correction must use exactly these). The types themselves are {@link EventType} and
 * {@link SubEventType}; this view lists only real events, never the corpus's "None" labels.
 */
public final class AcledTaxonomy {
    private AcledTaxonomy() {}

    private static final Map<String, List<String>> TYPES = new LinkedHashMap<>();

    static {
        for (EventType t : EventType.values()) {
            if (!t.isEvent()) continue;
            TYPES.put(
                    t.label(),
                    SubEventType.of(t).stream().map(SubEventType::label).toList());
        }
    }

    public static boolean valid(String type, String subType) {
        return type != null
                && subType != null
                && SubEventType.of(type, subType).filter(SubEventType::isEvent).isPresent();
    }

    static Set<String> types() {
        return TYPES.keySet();
    }

    /** Every type with its sub-types, in ACLED's order. */
    public static Map<String, List<String>> all() {
        return Collections.unmodifiableMap(TYPES);
    }
}
