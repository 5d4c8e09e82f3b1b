package org.sitrep.web;

import org.sitrep.common.SitrepProperties;
import org.springframework.stereotype.Component;

/** Absolute addresses on the public site, from {@code sitrep.base-url}: canonical links, feeds, sitemaps. */
@Component
public class PublicUrls {
    private final String base;

    public PublicUrls(SitrepProperties properties) {
        String b = properties.baseUrl();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    public String base() {
        return base;
    }

    /** Path of the page listing a section's pieces. */
    public String section(String name) {
        return Section.of(name).path();
    }

    /** The host name of the base URL ("localhost" if it has none): for Message-IDs and default sender addresses. */
    public String host() {
        try {
            String h = java.net.URI.create(base).getHost();
            return h == null ? "localhost" : h;
        } catch (IllegalArgumentException e) {
            return "localhost";
        }
    }

    /** {@code path} must start with "/". */
    public String absolute(String path) {
        return base + path;
    }
}
