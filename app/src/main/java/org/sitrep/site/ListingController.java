package org.sitrep.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.sitrep.common.SitrepProperties;
import org.sitrep.newsroom.Author;
import org.sitrep.newsroom.Piece;
import org.sitrep.newsroom.PieceCatalog;
import org.sitrep.newsroom.PieceKind;
import org.sitrep.web.PageMeta;
import org.sitrep.web.PublicUrls;
import org.sitrep.web.Section;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Lists of pieces, newest first and paged: by kind, by section (region), by tag, by author. */
@Controller
class ListingController {
    static final int PAGE_SIZE = 20;

    private final PieceCatalog catalog;
    private final SitePages pages;
    private final SitrepProperties properties;
    private final PublicUrls urls;

    ListingController(PieceCatalog catalog, SitePages pages, SitrepProperties properties, PublicUrls urls) {
        this.catalog = catalog;
        this.pages = pages;
        this.properties = properties;
        this.urls = urls;
    }

    /** One page of a list: the pieces and the links to the pages beside it. */
    record Paging(int number, String previous, String next) {}

    @GetMapping("/{kind:news|analysis|memos|reports}")
    ResponseEntity<byte[]> kind(
            @PathVariable("kind") String kind, @RequestParam(name = "page", required = false) String page) {
        KindNav k = KindNav.of(PieceKind.fromPath(kind).orElseThrow());
        String path = k.path();
        String language = pages.edition().language();
        return list(
                path,
                page,
                n -> catalog.latestOfKind(k.kind(), language, PAGE_SIZE + 1, (n - 1) * PAGE_SIZE),
                () -> Optional.of(Map.of(
                        "heading",
                        k.title(),
                        "intro",
                        k.description(),
                        "kindLabel",
                        k.label(),
                        "alternates",
                        pages.alternates(path))),
                Feeds.links(urls, k.title(), pages.edition().path(path + "/feed")));
    }

    @GetMapping("/sections/{slug}")
    ResponseEntity<byte[]> section(
            @PathVariable("slug") String slug, @RequestParam(name = "page", required = false) String page) {
        Optional<Section> section = pages.section(slug);
        if (section.isEmpty()) throw SitePages.notFound();
        Section s = section.get();
        String language = pages.edition().language();
        return list(
                s.path(),
                page,
                n -> catalog.latestInSection(s.name(), language, PAGE_SIZE + 1, (n - 1) * PAGE_SIZE),
                () -> Optional.of(Map.of(
                        "heading", s.name(), "intro", "Everything we publish on " + s.name() + ", newest first.")),
                Feeds.links(urls, "All pieces", pages.edition().path("/feed")));
    }

    @GetMapping("/tags/{slug}")
    ResponseEntity<byte[]> tag(
            @PathVariable("slug") String slug, @RequestParam(name = "page", required = false) String page) {
        String path = "/tags/" + slug;
        String language = pages.edition().language();
        return list(
                path,
                page,
                n -> catalog.latestWithTag(slug, language, PAGE_SIZE + 1, (n - 1) * PAGE_SIZE),
                () -> catalog.findTag(slug)
                        .map(t -> Map.<String, Object>of(
                                "heading",
                                t.name(),
                                "intro",
                                "Pieces tagged “" + t.name() + "”, newest first.",
                                "tag",
                                t)),
                Feeds.links(urls, "Tag: " + slug, pages.edition().path(path + "/feed")));
    }

    @GetMapping("/authors/{slug}")
    ResponseEntity<byte[]> author(
            @PathVariable("slug") String slug, @RequestParam(name = "page", required = false) String page) {
        String path = "/authors/" + slug;
        String language = pages.edition().language();
        return list(
                path,
                page,
                n -> catalog.latestByAuthor(slug, language, PAGE_SIZE + 1, (n - 1) * PAGE_SIZE),
                () -> catalog.findAuthor(slug).map(a -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("heading", a.name());
                    m.put("author", a);
                    m.put(
                            "intro",
                            a.bio() == null || a.bio().isBlank()
                                    ? "Pieces by " + a.name() + ", newest first."
                                    : a.bio());
                    m.put("personLd", StructuredData.write(person(a)));
                    return m;
                }),
                Feeds.links(urls, "All pieces", pages.edition().path("/feed")));
    }

    private Map<String, Object> person(Author a) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("@context", "https://schema.org");
        p.put("@type", "Person");
        p.put("name", a.name());
        p.put("url", urls.absolute("/authors/" + a.slug()));
        if (a.bio() != null) p.put("description", a.bio());
        return p;
    }

    /**
     * @param header  what the page says about itself, or empty when the tag/author does not exist
     */
    private ResponseEntity<byte[]> list(
            String path,
            String rawPage,
            Function<Integer, List<Piece>> fetch,
            Supplier<Optional<Map<String, Object>>> header,
            List<PageMeta.FeedLink> feeds) {
        Optional<Integer> number =
                org.sitrep.web.Paging.pageNumber(rawPage); // not the record Paging below (a list's links)
        if (number.isEmpty()) throw SitePages.notFound();
        int n = number.get();
        return pages.page(path + "?page=" + n, "site/list", () -> header.get().flatMap(h -> {
            List<Piece> found = fetch.apply(n);
            if (found.isEmpty() && n > 1) return Optional.empty(); // past the end
            boolean more = found.size() > PAGE_SIZE;
            List<Piece> shown = more ? found.subList(0, PAGE_SIZE) : found;
            Map<String, Object> m = new LinkedHashMap<>(h);
            m.put("pieces", shown);
            String here = pages.edition().path(path); // links stay in the reader's edition
            m.put(
                    "paging",
                    new Paging(
                            n,
                            n > 1 ? (n == 2 ? here : here + "?page=" + (n - 1)) : null,
                            more ? here + "?page=" + (n + 1) : null));
            if (n > 1)
                m.remove("alternates"); // hreflang pairs first pages only: later pages hold different pieces in each
            // edition
            String heading = (String) h.get("heading");
            String canonical = pages.absolute(n == 1 ? path : path + "?page=" + n);
            m.put(
                    "meta",
                    PageMeta.website(
                            heading + (n > 1 ? " · page " + n : "") + " · " + properties.siteName(),
                            (String) h.get("intro"),
                            canonical,
                            feeds));
            return Optional.of(m);
        }));
    }
}
