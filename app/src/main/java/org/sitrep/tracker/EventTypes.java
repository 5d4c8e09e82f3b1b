package org.sitrep.tracker;

import java.util.List;
import java.util.Map;
import org.sitrep.analysis.EventType;

/**
 * How the tracker marks each ACLED event type ({@link EventType}, the analysis library's taxonomy): an Okabe–Ito
 * colour (safe for the common colour-vision deficiencies) and, so colour is never the only cue, a letter drawn in
 * the marker and the legend. trackermap.js repeats the letters and classes for the map.
 */
public final class EventTypes {
    /** @param type null only for {@link #OTHER}, an event type this version does not know */
    public record Key(EventType type, String letter, String css) {
        /** ACLED's spelling, as the legend and the filter's {@code type} parameter write it. */
        public String name() {
            return type == null ? "Other" : type.label();
        }
    }

    private static final Map<EventType, Key> BY_TYPE = Map.of(
            EventType.BATTLES, new Key(EventType.BATTLES, "B", "battles"),
            EventType.EXPLOSIONS_REMOTE_VIOLENCE, new Key(EventType.EXPLOSIONS_REMOTE_VIOLENCE, "E", "explosions"),
            EventType.VIOLENCE_AGAINST_CIVILIANS, new Key(EventType.VIOLENCE_AGAINST_CIVILIANS, "V", "civilians"),
            EventType.PROTESTS, new Key(EventType.PROTESTS, "P", "protests"),
            EventType.RIOTS, new Key(EventType.RIOTS, "R", "riots"),
            EventType.STRATEGIC_DEVELOPMENTS, new Key(EventType.STRATEGIC_DEVELOPMENTS, "S", "strategic"));

    /** Every event type, in ACLED's order (the enum's). */
    public static final List<Key> KEYS = List.of(EventType.values()).stream()
            .filter(EventType::isEvent)
            .map(BY_TYPE::get)
            .toList();

    private static final Key OTHER = new Key(null, "?", "other");

    private EventTypes() {}

    /** The key of a stored event's type (its ACLED label). */
    public static Key of(String label) {
        return EventType.of(label).map(BY_TYPE::get).orElse(OTHER);
    }
}
