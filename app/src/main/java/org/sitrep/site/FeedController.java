package org.sitrep.site;

import java.util.List;
import java.util.Optional;
import org.sitrep.common.SitrepProperties;
import org.sitrep.newsroom.Piece;
import org.sitrep.newsroom.PieceCatalog;
import org.sitrep.newsroom.PieceKind;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** RSS 2.0 and Atom feeds: site-wide (/feed.rss), per kind (/news/feed.rss), per tag (/tags/syria/feed.atom). */
@Controller
class FeedController {
    static final int ENTRIES = 30;

    private final PieceCatalog catalog;
    private final Feeds feeds;
    private final PageCache cache;
    private final SitrepProperties properties;

    private final SitePages pages;

    FeedController(PieceCatalog catalog, Feeds feeds, PageCache cache, SitrepProperties properties, SitePages pages) {
        this.pages = pages;
        this.catalog = catalog;
        this.feeds = feeds;
        this.cache = cache;
        this.properties = properties;
    }

    @GetMapping("/feed.{format:rss|atom}")
    ResponseEntity<String> site(@PathVariable("format") String format) {
        return feed(
                format,
                "/feed",
                () -> Optional.of(new Content(
                        properties.siteName(), properties.tagline(), "/", catalog.latest(language(), ENTRIES, 0))));
    }

    @GetMapping("/{kind:news|analysis|memos|reports}/feed.{format:rss|atom}")
    ResponseEntity<String> kind(@PathVariable("kind") String kind, @PathVariable("format") String format) {
        KindNav k = KindNav.of(PieceKind.fromPath(kind).orElseThrow());
        return feed(
                format,
                k.path() + "/feed",
                () -> Optional.of(new Content(
                        k.title() + " · " + properties.siteName(),
                        k.description(),
                        k.path(),
                        catalog.latestOfKind(k.kind(), language(), ENTRIES, 0))));
    }

    @GetMapping("/tags/{slug}/feed.{format:rss|atom}")
    ResponseEntity<String> tag(@PathVariable("slug") String slug, @PathVariable("format") String format) {
        return feed(format, "/tags/" + slug + "/feed", () -> catalog.findTag(slug)
                .map(t -> new Content(
                        t.name() + " · " + properties.siteName(),
                        "Pieces tagged " + t.name(),
                        "/tags/" + t.slug(),
                        catalog.latestWithTag(slug, language(), ENTRIES, 0))));
    }

    private record Content(String title, String description, String path, List<Piece> pieces) {}

    /** The language of the edition whose feed is asked for: /ar/feed.rss carries the Arabic pieces. */
    private String language() {
        return pages.edition().language();
    }

    private ResponseEntity<String> feed(
            String extension, String sitePath, java.util.function.Supplier<Optional<Content>> content) {
        Feeds.Format format = Feeds.Format.of(extension);
        org.sitrep.web.Edition edition = pages.edition();
        String self = edition.path(sitePath);
        String xml = cache.get("feed:" + self + "." + extension, () -> content.get()
                .map(c -> feeds.write(
                        format,
                        c.title(),
                        c.description(),
                        edition.path(c.path()),
                        self,
                        c.pieces(),
                        edition.language()))
                .orElse(null));
        if (xml == null) throw SitePages.notFound();
        return ResponseEntity.ok()
                .contentType(format.contentType())
                .cacheControl(org.springframework.http.CacheControl.maxAge(java.time.Duration.ofMinutes(5))
                        .cachePublic())
                .body(xml);
    }
}
