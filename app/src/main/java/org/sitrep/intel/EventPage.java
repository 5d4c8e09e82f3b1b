package org.sitrep.intel;

import java.util.List;

/** One page of events, newest first, and the opaque cursor of the next page (null on the last page). */
public record EventPage(List<TrackedEvent> events, String nextCursor) {}
