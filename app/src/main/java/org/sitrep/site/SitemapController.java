package org.sitrep.site;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.sitrep.common.SitrepProperties;
import org.sitrep.newsroom.PieceCatalog;
import org.sitrep.newsroom.PieceListing;
import org.sitrep.web.Dateline;
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
    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");
    /** Crawlers may keep these for a few minutes; they are cheap to refetch. */
    private static final CacheControl PUBLIC = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private final PieceCatalog catalog;
    private final PageCache cache;
    private final SitePages pages;
    private final PublicUrls urls;
    private final Dateline dateline;
    private final SitrepProperties properties;
    private final Clock clock;

    SitemapController(PieceCatalog catalog, PageCache cache, SitePages pages, PublicUrls urls, Dateline dateline,
                      SitrepProperties properties, Clock clock) {
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
        return ResponseEntity.ok().cacheControl(PUBLIC).body(String.join("\n",
                "User-agent: *",
                "Disallow: /newsroom",
                "Disallow: /admin",
                "Disallow: /signin",
                "Disallow: /search",
                "",
                "Sitemap: " + urls.absolute("/sitemap.xml"),
                "Sitemap: " + urls.absolute("/sitemaps/news.xml"),
                ""));
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> index() {
        return xml(cache.get("sitemap:index", () -> write(w -> {
            w.writeStartElement("sitemapindex");
            w.writeDefaultNamespace(SITEMAP_NS);
            sitemap(w, "/sitemaps/pages.xml");
            long files = (catalog.countLive() + PER_FILE - 1) / PER_FILE;
            for (int i = 1; i <= files; i++) sitemap(w, "/sitemaps/pieces-" + i + ".xml");
            sitemap(w, "/sitemaps/news.xml");
            w.writeEndElement();
        })));
    }

    @GetMapping("/sitemaps/pages.xml")
    ResponseEntity<String> fixedPages() {
        return xml(cache.get("sitemap:pages", () -> write(w -> {
            urlset(w, false);
            url(w, "/", null);
            for (KindNav k : KindNav.ALL) url(w, k.path(), null);
            for (Section s : pages.sections()) url(w, s.path(), null);
            w.writeEndElement();
        })));
    }

    @GetMapping("/sitemaps/pieces-{n:[0-9]{1,6}}.xml")
    ResponseEntity<String> pieces(@PathVariable("n") int n) {
        if (n < 1) throw SitePages.notFound();
        String xml = cache.get("sitemap:pieces-" + n, () -> {
            List<PieceListing> found = catalog.listings(PER_FILE, (n - 1) * PER_FILE);
            if (found.isEmpty() && n > 1) return null;
            return write(w -> {
                urlset(w, false);
                for (PieceListing p : found) url(w, p.path(), p.updatedAt().isAfter(p.publishAt()) ? p.updatedAt() : p.publishAt());
                w.writeEndElement();
            });
        });
        if (xml == null) throw SitePages.notFound();
        return xml(xml);
    }

    /** Google News wants only what went live in the last two days, at most 1,000 pieces. */
    @GetMapping("/sitemaps/news.xml")
    ResponseEntity<String> news() {
        return xml(cache.get("sitemap:news", () -> write(w -> {
            urlset(w, true);
            for (PieceListing p : catalog.listingsSince(clock.instant().minus(Duration.ofDays(2)), 1000)) {
                w.writeStartElement("url");
                element(w, "loc", urls.absolute(p.path()));
                w.writeStartElement("news", "news", NEWS_NS);
                w.writeStartElement("news", "publication", NEWS_NS);
                w.writeStartElement("news", "name", NEWS_NS);
                w.writeCharacters(properties.siteName());
                w.writeEndElement();
                w.writeStartElement("news", "language", NEWS_NS);
                w.writeCharacters("en");
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
    }

    private void sitemap(XMLStreamWriter w, String path) throws XMLStreamException {
        w.writeStartElement("sitemap");
        element(w, "loc", urls.absolute(path));
        w.writeEndElement();
    }

    private void url(XMLStreamWriter w, String path, Instant modified) throws XMLStreamException {
        w.writeStartElement("url");
        element(w, "loc", urls.absolute(path));
        if (modified != null) element(w, "lastmod", dateline.iso(modified));
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
