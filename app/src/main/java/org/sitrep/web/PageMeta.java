package org.sitrep.web;

import java.util.List;

/**
 * What a page says about itself in {@code <head>}: title, description, canonical address, the
 * Open Graph / Twitter card fields, structured data and feed links.
 *
 * @param type      Open Graph type: "website" or "article"
 * @param jsonLd    schema.org JSON, already safe to place inside a script element, or null
 * @param article   article times, section and tags for Open Graph, or null
 */
public record PageMeta(
        String title,
        String description,
        String canonical,
        String type,
        String image,
        String imageAlt,
        String jsonLd,
        List<FeedLink> feeds,
        ArticleMeta article,
        boolean noindex) {

    public record FeedLink(String title, String href, String contentType) {}

    public record ArticleMeta(String published, String modified, String section, List<String> tags) {}

    public static PageMeta website(String title, String description, String canonical, List<FeedLink> feeds) {
        return new PageMeta(title, description, canonical, "website", null, null, null, feeds, null, false);
    }

    public PageMeta hiddenFromSearchEngines() {
        return new PageMeta(title, description, canonical, type, image, imageAlt, jsonLd, feeds, article, true);
    }
}
