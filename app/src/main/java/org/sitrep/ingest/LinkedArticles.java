package org.sitrep.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sitrep.analysis.text.WebPage;
import org.springframework.stereotype.Component;

/**
 * A feed entry's linked article. Most feeds carry a one-line summary, which gives the analysis
 * almost nothing; so for a feed source with "fetch the linked article" on, each new entry's page is
 * fetched by the page source's own {@link Fetcher} (same client, timeouts, size cap, redirect rule,
 * http(s) only), its chrome removed as for any page, and its article becomes the entry's text. A
 * page that cannot be had leaves the entry with the feed's own text and an ingestion error saying why.
 */
@Component
class LinkedArticles {
    /** Up to this many words, the feed's text is a summary worth keeping as the standfirst above the article. */
    static final int SUMMARY_WORDS = 80;

    /** An entry as it is to be stored, and the linked page as it arrived (null: the feed's own text is kept). */
    record Taken(WireItem item, byte[] page) {}

    private final Fetcher fetcher;
    private final Intake intake;
    private final IngestErrors errors;
    private final IngestSettings settings;

    LinkedArticles(Fetcher fetcher, Intake intake, IngestErrors errors, IngestSettings settings) {
        this.fetcher = fetcher;
        this.intake = intake;
        this.errors = errors;
        this.settings = settings;
    }

    /** A new round of polling, with its own count of pages fetched per host. */
    Round round() {
        return new Round();
    }

    /**
     * One round of polling the due sources. The poller fetches one page at a time, so no host ever
     * sees two requests at once; the per-host cap keeps a feed of 100 new entries (or several feeds
     * of one site) from fetching 100 pages in a row: the rest wait for the next poll.
     */
    final class Round {
        private final Map<String, Integer> fetchedPerHost = new HashMap<>();
        private int waiting;

        /** The entry to store, or null when its host had its share this round and the entry must wait. */
        Taken article(WireItem entry, Intake.Origin origin) {
            // Entries already stored are not fetched again: re-polls cost the site nothing.
            if (entry.url() == null || intake.isKnown(entry)) return new Taken(entry, null);
            try {
                String host = Fetcher.webUri(entry.url()).getHost().toLowerCase(Locale.ROOT);
                int fetched = fetchedPerHost.getOrDefault(host, 0);
                if (fetched >= settings.linkedPagesPerHost()) {
                    waiting++;
                    return null;
                }
                fetchedPerHost.put(host, fetched + 1);
                Fetcher.Response page = fetcher.get(entry.url(), null, null);
                return new Taken(withArticle(entry, page), page.body());
            } catch (BadInput e) {
                errors.record(
                        origin.sourceId(),
                        origin.sourceName(),
                        entry.url(),
                        "linked article not taken (" + e.getMessage() + "); the feed's own text is kept");
                return new Taken(entry, null);
            }
        }

        /** How many new entries were left for the next poll because their host had its share. */
        int waiting() {
            return waiting;
        }
    }

    /**
     * The entry with the page's article as its body: the feed's headline, date, guid, link and
     * categories kept, and its summary kept as the standfirst unless the article already says it.
     */
    static WireItem withArticle(WireItem entry, Fetcher.Response response) {
        String type = response.contentType().toLowerCase(Locale.ROOT);
        boolean html = type.contains("html") || type.isBlank() && looksLikeHtml(response.body());
        if (!html)
            throw new BadInput("not an HTML page: " + (type.isBlank() ? "no content type" : response.contentType()));
        // The analysis library's own reader, as for a page source: the text is what the engine would keep.
        WebPage page = WebPage.parse(Ingestion.html(response.body(), response.contentType()));
        boolean pageHeadline = page.title() != null && !page.title().isEmpty(); // then it is the first block
        List<String> article =
                page.blocks().subList(pageHeadline ? 1 : 0, page.blocks().size());
        if (article.isEmpty()) throw new BadInput("no article text found on the page");
        List<String> feedText = entry.title() == null
                ? entry.blocks()
                : entry.blocks().subList(1, entry.blocks().size());
        if (words(article) < words(feedText))
            throw new BadInput("the page's article is shorter than the feed's own text");

        String summary = Markup.oneLine(String.join(" ", feedText));
        String articleText = Markup.oneLine(String.join(" ", article)).toLowerCase(Locale.ROOT);
        List<String> body = new ArrayList<>();
        if (!summary.isEmpty()
                && words(feedText) <= SUMMARY_WORDS
                && !articleText.contains(summary.toLowerCase(Locale.ROOT))) {
            body.add(summary);
        }
        body.addAll(article);
        String headline = entry.title() != null ? entry.title() : pageHeadline ? page.title() : null;
        List<String> blocks = new ArrayList<>();
        if (headline != null) blocks.add(headline);
        blocks.addAll(body);
        // Shown as escaped paragraphs, as a page is: the page's own markup would bring its chrome (and worse) back.
        return new WireItem(
                entry.guid(),
                entry.url(),
                headline,
                List.copyOf(blocks),
                Markup.paragraphs(body),
                entry.published() != null ? entry.published() : page.published(),
                entry.provider(),
                entry.format(),
                entry.keywords());
    }

    /** A page served without a content type: an HTML document by its first bytes. */
    private static boolean looksLikeHtml(byte[] body) {
        String head =
                new String(body, 0, Math.min(body.length, 1024), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return head.contains("<html") || head.contains("<!doctype html");
    }

    private static int words(List<String> blocks) {
        int n = 0;
        for (String b : blocks) n += b.isBlank() ? 0 : b.strip().split("\\s+").length;
        return n;
    }
}
