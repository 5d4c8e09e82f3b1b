package org.sitrep.site;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.sitrep.common.SitrepProperties;
import org.sitrep.newsroom.PieceCatalog;
import org.sitrep.newsroom.PieceListing;
import org.sitrep.web.Dateline;
import org.sitrep.web.Edition;
import org.sitrep.web.Language;
import org.sitrep.web.PublicUrls;
import org.sitrep.web.Section;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Sitemaps for search engines: an index at /sitemap.xml pointing at the site's fixed pages, the
 * pieces in files of {@value #PER_FILE} and the Google News sitemap (the last two days); and
 * robots.txt pointing at them.
 */
@Controller
class SitemapController {
    static final int PER_FILE = 10_000;
    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    /** hreflang alternates of a page inside a sitemap (Google's "xhtml:link"). */
    static final String XHTML_NS = "http://www.w3.org/1999/xhtml";

    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");
    /** Crawlers may keep these for a few minutes; they are cheap to refetch. */
    private static final CacheControl PUBLIC =
            CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private final PieceCatalog catalog;
    private final PageCache cache;
    private final SitePages pages;
    private final PublicUrls urls;
    private final Dateline dateline;
    private final SitrepProperties properties;
    private final Clock clock;
    private final Editions editions;

    SitemapController(
            PieceCatalog catalog,
            PageCache cache,
            SitePages pages,
            PublicUrls urls,
            Dateline dateline,
            SitrepProperties properties,
            Clock clock,
            Editions editions) {
        this.editions = editions;
        this.catalog = catalog;
        this.cache = cache;
        this.pages = pages;
        this.urls = urls;
        this.dateline = dateline;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping(value = "/robots.txt", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> robots() {
        List<String> lines = new java.util.ArrayList<>(List.of(
                "User-agent: *", "Disallow: /newsroom", "Disallow: /admin", "Disallow: /signin", "Disallow: /search"));
        for (Edition e : editions.all()) if (!e.english()) lines.add("Disallow: " + e.path("/search"));
        lines.add("");
        // Every edition's sitemap index and news sitemap.
        for (Edition e : editions.all()) {
            lines.add("Sitemap: " + urls.absolute(e.path("/sitemap.xml")));
            lines.add("Sitemap: " + urls.absolute(e.path("/sitemaps/news.xml")));
        }
        lines.add("");
        return ResponseEntity.ok().cacheControl(PUBLIC).body(String.join("\n", lines));
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> index() {
        Edition edition = pages.edition();
        return xml(cache.get(
                "sitemap:index" + edition.prefix(),
                () -> write(w -> {
                    w.writeStartElement("sitemapindex");
                    w.writeDefaultNamespace(SITEMAP_NS);
                    sitemap(w, edition.path("/sitemaps/pages.xml"));
                    long files = (catalog.countLive(edition.language()) + PER_FILE - 1) / PER_FILE;
                    for (int i = 1; i <= files; i++) sitemap(w, edition.path("/sitemaps/pieces-" + i + ".xml"));
                    sitemap(w, edition.path("/sitemaps/news.xml"));
                    w.writeEndElement();
                })));
    }

    @GetMapping("/sitemaps/pages.xml")
    ResponseEntity<String> fixedPages() {
        Edition edition = pages.edition();
        return xml(cache.get(
                "sitemap:pages" + edition.prefix(),
                () -> write(w -> {
                    urlset(w, false);
                    // The home and kind pages exist in every edition that is on: each lists the others as alternates.
                    url(w, edition.path("/"), null, pages.alternates("/"));
                    for (KindNav k : KindNav.ALL) url(w, edition.path(k.path()), null, pages.alternates(k.path()));
                    for (Section s : pages.sections()) url(w, edition.path(s.path()), null, List.of());
                    w.writeEndElement();
                })));
    }

    @GetMapping("/sitemaps/pieces-{n:[0-9]{1,6}}.xml")
    ResponseEntity<String> pieces(@PathVariable("n") int n) {
        if (n < 1) throw SitePages.notFound();
        Edition edition = pages.edition();
        String xml = cache.get("sitemap:pieces-" + n + edition.prefix(), () -> {
            List<PieceListing> found = catalog.listings(edition.language(), PER_FILE, (n - 1) * PER_FILE);
            if (found.isEmpty() && n > 1) return null;
            Map<Long, List<PieceListing>> families = catalog.families(
                    found.stream().map(PieceListing::familyId).distinct().toList());
            return write(w -> {
                urlset(w, false);
                for (PieceListing p : found)
                    url(
                            w,
                            p.path(),
                            p.updatedAt().isAfter(p.publishAt()) ? p.updatedAt() : p.publishAt(),
                            alternates(families.getOrDefault(p.familyId(), List.of())));
                w.writeEndElement();
            });
        });
        if (xml == null) throw SitePages.notFound();
        return xml(xml);
    }

    /** Google News wants only what went live in the last two days, at most 1,000 pieces. */
    @GetMapping("/sitemaps/news.xml")
    ResponseEntity<String> news() {
        Edition edition = pages.edition();
        return xml(cache.get(
                "sitemap:news" + edition.prefix(),
                () -> write(w -> {
                    urlset(w, true);
                    for (PieceListing p : catalog.listingsSince(
                            edition.language(), clock.instant().minus(Duration.ofDays(2)), 1000)) {
                        w.writeStartElement("url");
                        element(w, "loc", urls.absolute(p.path()));
                        w.writeStartElement("news", "news", NEWS_NS);
                        w.writeStartElement("news", "publication", NEWS_NS);
                        w.writeStartElement("news", "name", NEWS_NS);
                        w.writeCharacters(properties.siteName());
                        w.writeEndElement();
                        w.writeStartElement("news", "language", NEWS_NS);
                        w.writeCharacters(edition.language());
                        w.writeEndElement();
                        w.writeEndElement();
                        w.writeStartElement("news", "publication_date", NEWS_NS);
                        w.writeCharacters(dateline.iso(p.publishAt()));
                        w.writeEndElement();
                        w.writeStartElement("news", "title", NEWS_NS);
                        w.writeCharacters(p.headline());
                        w.writeEndElement();
                        w.writeEndElement();
                        w.writeEndElement();
                    }
                    w.writeEndElement();
                })));
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("sitemap could not be written", e);
        }
        return out.toString();
    }

    private static void urlset(XMLStreamWriter w, boolean news) throws XMLStreamException {
        w.writeStartElement("urlset");
        w.writeDefaultNamespace(SITEMAP_NS);
        if (news) w.writeNamespace("news", NEWS_NS);
        else w.writeNamespace("xhtml", XHTML_NS);
    }

    /** A family's live pieces in editions that are on, and x-default (the original); none for a piece alone. */
    private List<SitePages.Alternate> alternates(List<PieceListing> family) {
        List<PieceListing> shown = family.stream()
                .filter(l -> Language.of(l.language()).map(editions::enabled).orElse(false))
                .toList();
        if (shown.size() < 2) return List.of();
        List<SitePages.Alternate> all = new java.util.ArrayList<>();
        shown.forEach(l -> all.add(new SitePages.Alternate(l.language(), urls.absolute(l.path()))));
        shown.stream()
                .filter(l -> l.originalId() == null)
                .findFirst()
                .ifPresent(o -> all.add(new SitePages.Alternate("x-default", urls.absolute(o.path()))));
        return all;
    }

    private void sitemap(XMLStreamWriter w, String path) throws XMLStreamException {
        w.writeStartElement("sitemap");
        element(w, "loc", urls.absolute(path));
        w.writeEndElement();
    }

    private void url(XMLStreamWriter w, String path, Instant modified, List<SitePages.Alternate> alternates)
            throws XMLStreamException {
        w.writeStartElement("url");
        element(w, "loc", urls.absolute(path));
        if (modified != null) element(w, "lastmod", dateline.iso(modified));
        for (SitePages.Alternate a : alternates) {
            w.writeEmptyElement("xhtml", "link", XHTML_NS);
            w.writeAttribute("rel", "alternate");
            w.writeAttribute("hreflang", a.hreflang());
            w.writeAttribute("href", a.href());
        }
        w.writeEndElement();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static ResponseEntity<String> xml(String body) {
        return ResponseEntity.ok().contentType(XML).cacheControl(PUBLIC).body(body);
    }
}
