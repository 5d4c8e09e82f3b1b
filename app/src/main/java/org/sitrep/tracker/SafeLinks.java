package org.sitrep.tracker;

import java.net.URI;
import java.util.Locale;

/** Source links come from ingested documents: only http(s) URLs become links (never javascript: or data:). */
final class SafeLinks {
    private SafeLinks() {}

    static String http(String url) {
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
