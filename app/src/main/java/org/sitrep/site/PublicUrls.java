package org.sitrep.site;

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

    public String base() { return base; }

    /** {@code path} must start with "/". */
    public String absolute(String path) {
        return base + path;
    }
}
