package org.sitrep.site;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.sitrep.common.SitrepProperties;
import org.sitrep.newsroom.Piece;
import org.sitrep.web.PageMeta;
import org.sitrep.web.PublicUrls;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** RSS 2.0 and Atom 1.0 feeds of pieces, written by Rome, with absolute links. */
@Component
public class Feeds {
    public static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
    public static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    /** The two formats: Rome's feed type name, file extension and content type. */
    public enum Format {
        RSS("rss_2.0", "rss", Feeds.RSS),
        ATOM("atom_1.0", "atom", Feeds.ATOM);

        final String romeType;
        final String extension;
        final MediaType contentType;

        Format(String romeType, String extension, MediaType contentType) {
            this.romeType = romeType;
            this.extension = extension;
            this.contentType = contentType;
        }

        public MediaType contentType() {
            return contentType;
        }

        public static Format of(String extension) {
            return "atom".equals(extension) ? ATOM : RSS;
        }
    }

    private final SitrepProperties properties;
    private final PublicUrls urls;

    public Feeds(SitrepProperties properties, PublicUrls urls) {
        this.properties = properties;
        this.urls = urls;
    }

    /** {@code <link rel="alternate">} entries for a page whose feeds live at {@code base}.rss / .atom. */
    public static List<PageMeta.FeedLink> links(PublicUrls urls, String title, String base) {
        return List.of(
                new PageMeta.FeedLink(title + " (RSS)", urls.absolute(base + ".rss"), RSS.toString()),
                new PageMeta.FeedLink(title + " (Atom)", urls.absolute(base + ".atom"), ATOM.toString()));
    }

    public static List<PageMeta.FeedLink> siteWide(PublicUrls urls) {
        return links(urls, "All pieces", "/feed");
    }

    /**
     * @param path     the page the feed mirrors ("/", "/news", "/tags/syria"; "/ar/news" in Arabic)
     * @param self     the feed's own path without extension ("/feed", "/news/feed")
     * @param language the edition's language: the feed's {@code language}, its pieces' language
     */
    public String write(
            Format format,
            String title,
            String description,
            String path,
            String self,
            List<Piece> pieces,
            String language) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setTitle(title);
        feed.setDescription(description);
        feed.setLink(urls.absolute(path));
        feed.setUri(urls.absolute(self + "." + format.extension));
        feed.setLanguage(language);
        List<SyndLink> links = new ArrayList<>();
        links.add(link("alternate", urls.absolute(path), "text/html"));
        links.add(link("self", urls.absolute(self + "." + format.extension), format.contentType.toString()));
        feed.setLinks(links);
        feed.setPublishedDate(pieces.isEmpty() ? new Date(0) : Date.from(newest(pieces)));
        feed.setAuthor(properties.siteName());
        List<SyndEntry> entries = new ArrayList<>();
        for (Piece p : pieces) entries.add(entry(p));
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, true);
        } catch (FeedException e) {
            throw new IllegalStateException("feed could not be written", e);
        }
    }

    private SyndEntry entry(Piece p) {
        SyndEntry e = new SyndEntryImpl();
        String url = urls.absolute(p.path());
        e.setTitle(p.headline());
        e.setLink(url);
        e.setUri(url);
        e.setPublishedDate(Date.from(p.publishAt()));
        e.setUpdatedDate(Date.from(p.updatedAt().isAfter(p.publishAt()) ? p.updatedAt() : p.publishAt()));
        SyndContent description = new SyndContentImpl();
        description.setType("text/plain");
        description.setValue(p.standfirst() == null ? "" : p.standfirst());
        e.setDescription(description);
        List<SyndPerson> authors = new ArrayList<>();
        p.authors().forEach(a -> {
            SyndPerson person = new SyndPersonImpl();
            person.setName(a.name());
            person.setUri(urls.absolute(Piece.prefix(p.language()) + "/authors/" + a.slug()));
            authors.add(person);
        });
        if (!authors.isEmpty()) {
            e.setAuthors(authors);
            e.setAuthor(
                    String.join(", ", p.authors().stream().map(a -> a.name()).toList()));
        }
        List<SyndCategory> categories = new ArrayList<>();
        SyndCategory kind = new SyndCategoryImpl();
        kind.setName(p.kind().label());
        categories.add(kind);
        p.tags().forEach(t -> {
            SyndCategory c = new SyndCategoryImpl();
            c.setName(t.name());
            categories.add(c);
        });
        e.setCategories(categories);
        return e;
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink l = new SyndLinkImpl();
        l.setRel(rel);
        l.setHref(href);
        l.setType(type);
        return l;
    }

    private static Instant newest(List<Piece> pieces) {
        return pieces.stream()
                .map(p -> p.updatedAt().isAfter(p.publishAt()) ? p.updatedAt() : p.publishAt())
                .max(Instant::compareTo)
                .orElseThrow();
    }
}
