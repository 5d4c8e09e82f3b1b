package org.sitrep.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jsoup.parser.Parser;

/**
 * An RSS or Atom feed (read by Rome, DOCTYPEs refused) as items: each entry's title, link, guid,
 * date and content (full content when the feed carries it, else its description). An entry that
 * cannot be read is reported on its own; the others still come through.
 */
final class FeedEntries {
    /** One entry: an item, or the reason it could not be read. */
    record Entry(String location, WireItem item, String error) {}

    record Feed(String title, List<Entry> entries) {}

    private FeedEntries() {}

    static Feed read(byte[] xml) {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new XmlReader(new ByteArrayInputStream(xml)));
        } catch (Exception e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (m.contains("DOCTYPE"))
                throw new BadInput("feed with a DOCTYPE refused (external entities are not allowed)");
            throw new BadInput("malformed feed: " + m, e);
        }
        String title = feed.getTitle() == null ? null : Markup.oneLine(feed.getTitle());
        List<Entry> entries = new ArrayList<>();
        int n = 0;
        for (SyndEntry e : feed.getEntries()) {
            n++;
            String location = webUrl(e.getLink()) != null
                    ? e.getLink().strip()
                    : e.getUri() != null ? e.getUri().strip() : "entry " + n;
            try {
                entries.add(new Entry(location, entry(e), null));
            } catch (BadInput bad) {
                entries.add(new Entry(location, null, bad.getMessage()));
            } catch (RuntimeException | StackOverflowError unexpected) {
                entries.add(new Entry(location, null, "unreadable entry: " + unexpected));
            }
        }
        return new Feed(title, entries);
    }

    private static WireItem entry(SyndEntry e) {
        String title = e.getTitle() == null ? null : Markup.oneLine(e.getTitle());
        SyndContent content = null;
        for (SyndContent c : e.getContents()) {
            if (c.getValue() != null && !c.getValue().isBlank()) {
                content = c;
                break;
            }
        }
        if (content == null && e.getDescription() != null && e.getDescription().getValue() != null)
            content = e.getDescription();
        String body = content == null ? null : content.getValue();
        boolean html = body != null && body.indexOf('<') >= 0;
        // Rome types every RSS description text/html; one without any tag is a plain-text summary (its
        // entities still escaped), which the page reader would drop for want of a paragraph.
        if (body != null && !html && isHtmlType(content.getType())) body = Parser.unescapeEntities(body, false);
        if ((title == null || title.isBlank())
                && (body == null || Markup.oneLine(body).isEmpty())) {
            throw new BadInput("feed entry has neither a title nor any text");
        }
        String guid =
                e.getUri() == null || e.getUri().isBlank() ? null : e.getUri().strip();
        String url = webUrl(e.getLink());
        LocalDate published = date(e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate());
        WireItem item = html
                ? WireItem.fromHtml(guid, url, title, body, published, null, "feed")
                : WireItem.fromText(guid, url, title, body, published, null, "feed");
        if (item.blocks().isEmpty()) throw new BadInput("feed entry has no readable text");
        List<String> categories = new ArrayList<>();
        e.getCategories().forEach(c -> categories.add(c.getName()));
        return item.withKeywords(categories);
    }

    private static boolean isHtmlType(String type) {
        return type != null && type.toLowerCase(Locale.ROOT).contains("html");
    }

    /** Only web addresses are kept as links: a feed could as well say "javascript:…". */
    static String webUrl(String link) {
        if (link == null) return null;
        String l = link.strip();
        String lower = l.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? l : null;
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
