package org.sitrep.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.sitrep.analysis.text.WebPage;

/**
 * One news item as a format reader found it (a feed entry, a web page, a NewsML-G2 or ninjs item,
 * a wire photo's caption): cleaned text blocks for analysis and sanitised HTML for display.
 *
 * @param guid     the item's own identifier (feed guid, NewsML guid, ninjs uri), or null
 * @param url      where the item lives on the web, or null
 * @param blocks   headline first, then standfirst and body paragraphs, without markup
 * @param html     the body as safe HTML (see {@link Markup#sanitise})
 * @param provider who sent it when the item says so (a wire's provider or credit line), or null
 * @param format   feed | page | newsml | ninjs | photo | text
 * @param keywords subjects, places and keywords the sender attached (NewsML subject/located, IPTC keywords)
 */
public record WireItem(
        String guid,
        String url,
        String title,
        List<String> blocks,
        String html,
        LocalDate published,
        String provider,
        String format,
        List<String> keywords) {

    public WireItem {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    /** The cleaned text the analysis reads: headline, standfirst and body separated by blank lines. */
    public String text() {
        return String.join("\n\n", blocks);
    }

    WireItem withKeywords(List<String> more) {
        List<String> all = new ArrayList<>(keywords);
        for (String k : more) if (k != null && !k.isBlank() && !all.contains(k.strip())) all.add(k.strip());
        return new WireItem(guid, url, title, blocks, html, published, provider, format, all);
    }

    /** An item whose body is HTML (a fragment or a whole page): chrome dropped as the analysis engine drops it. */
    static WireItem fromHtml(
            String guid,
            String url,
            String title,
            String bodyHtml,
            LocalDate published,
            String provider,
            String format) {
        // The page reader and the allow-list work in proportion to depth x size: bounded before either runs.
        MarkupLimits.checked(bodyHtml == null ? "" : bodyHtml);
        WebPage page = WebPage.parse(bodyHtml == null ? "" : bodyHtml);
        String headline = title != null && !title.isBlank() ? Markup.oneLine(title) : page.title();
        List<String> blocks = withHeadline(headline, page.blocks());
        // For display: a whole page's own markup (sanitised) would bring its chrome back; the kept blocks do not.
        String html = "page".equals(format)
                ? Markup.paragraphs(blocks.subList(headline == null ? 0 : 1, blocks.size()))
                : Markup.sanitise(bodyHtml);
        return new WireItem(
                guid,
                url,
                headline,
                blocks,
                html,
                published != null ? published : page.published(),
                provider,
                format,
                List.of());
    }

    /** An item whose body is plain text, paragraphs separated by blank lines. */
    static WireItem fromText(
            String guid, String url, String title, String body, LocalDate published, String provider, String format) {
        List<String> paragraphs = Markup.textParagraphs(body);
        String headline = title != null && !title.isBlank() ? Markup.oneLine(title) : null;
        return new WireItem(
                guid,
                url,
                headline,
                withHeadline(headline, paragraphs),
                Markup.paragraphs(paragraphs),
                published,
                provider,
                format,
                List.of());
    }

    private static List<String> withHeadline(String headline, List<String> blocks) {
        List<String> all = new ArrayList<>();
        if (headline != null && !headline.isBlank()) all.add(headline);
        int start = !all.isEmpty() && !blocks.isEmpty() && blocks.get(0).equals(headline) ? 1 : 0;
        all.addAll(blocks.subList(start, blocks.size()));
        return List.copyOf(all);
    }
}
