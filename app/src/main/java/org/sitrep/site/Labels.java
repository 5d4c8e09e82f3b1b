package org.sitrep.site;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Enum values as people read them ("PAST_DUE" → "Past due"), for every page: templates have it as
 * {@code labels} ({@code ${labels.of(subscription.state())}}). The few words the publisher spells
 * otherwise are listed here, once.
 */
@Component
public class Labels {
    private static final Map<String, String> WORDS = Map.of(
            "CANCELED", "Cancelled",
            "MEMBER", "Free member",
            "FEED", "Feed (RSS or Atom)",
            "PAGE", "Web page",
            "ADMIN", "Administrator",
            "API", "API");

    /** The label of an enum value (or of a value's text); "" for none. */
    public String of(Object value) {
        if (value == null) return "";
        String name = value instanceof Enum<?> e ? e.name() : value.toString();
        String word = WORDS.get(name);
        if (word != null) return word;
        String spaced = name.replace('_', ' ').toLowerCase(Locale.ROOT).strip();
        return spaced.isEmpty() ? "" : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
