package org.sitrep.intel;

import java.net.URI;
import java.util.Locale;

/**
 * Documents' URLs come from feeds and wires, so only http(s) URLs become links (never javascript: or data:).
 * The one check for every page that links to a source: review, tracker, place and actor pages.
 */
public final class SourceLinks {
    private SourceLinks() {}

    public static String http(String url) {
        if (url == null || url.isBlank()) return null;
        try {
            String scheme = URI.create(url.trim()).getScheme();
            if (scheme == null) return null;
            scheme = scheme.toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? url.trim() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
