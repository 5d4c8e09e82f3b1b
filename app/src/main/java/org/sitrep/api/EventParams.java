package org.sitrep.api;

import java.util.List;
import org.sitrep.intel.EventFilter;

/**
 * The filter parameters every events endpoint takes (the JSON pages and both exports), bound from the
 * query string by name; the names are the ones the OpenAPI description documents. Checked and turned
 * into an {@link EventFilter} by {@link EventQuery}, which answers bad values with a 400.
 */
record EventParams(String from, String to, List<String> type, String actor, String place, String gazetteerId,
                   String country, String source, String minConfidence, List<String> state, String bbox) {

    EventFilter filter() {
        return EventQuery.filter(from, to, type, actor, place, gazetteerId, country, source, minConfidence, state, bbox);
    }
}
