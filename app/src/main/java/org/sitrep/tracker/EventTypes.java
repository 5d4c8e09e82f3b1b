package org.sitrep.tracker;

import java.util.List;

/**
 * How the tracker marks each ACLED event type: an Okabe–Ito colour (safe for the common colour-vision
 * deficiencies) and, so colour is never the only cue, a letter drawn in the marker and the legend.
 */
public final class EventTypes {
    public record Key(String name, String letter, String css) {}

    public static final List<Key> KEYS = List.of(
            new Key("Battles", "B", "battles"),
            new Key("Explosions/Remote violence", "E", "explosions"),
            new Key("Violence against civilians", "V", "civilians"),
            new Key("Protests", "P", "protests"),
            new Key("Riots", "R", "riots"),
            new Key("Strategic developments", "S", "strategic"));

    private static final Key OTHER = new Key("Other", "?", "other");

    private EventTypes() {}

    public static Key of(String type) {
        return KEYS.stream().filter(k -> k.name().equals(type)).findFirst().orElse(OTHER);
    }
}
