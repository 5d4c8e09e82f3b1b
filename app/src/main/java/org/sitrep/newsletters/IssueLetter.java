package org.sitrep.newsletters;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.sitrep.common.SitrepProperties;
import org.sitrep.newsroom.BodyRenderer;
import org.sitrep.newsroom.Photo;
import org.sitrep.newsroom.Piece;
import org.sitrep.newsroom.PieceCatalog;
import org.sitrep.web.Dateline;
import org.sitrep.web.Language;
import org.sitrep.web.PublicUrls;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * An issue as mail: an HTML and a plain-text version, rendered once per send. The intro goes
 * through the newsroom's {@link BodyRenderer} (Markdown, then a safelist), so an issue's markup is
 * as safe as a piece's. Each recipient's copy only swaps {@link #UNSUBSCRIBE} for their own link.
 */
@Component
class IssueLetter {
    /** Stands for the recipient's unsubscribe address in both versions; no Markdown or HTML escaping touches it. */
    static final String UNSUBSCRIBE = "%%SITREP-UNSUBSCRIBE-URL%%";

    /** A rendered issue, the same for every recipient but for {@link #UNSUBSCRIBE}. */
    record Letter(String subject, String html, String text) {
        String html(String unsubscribeUrl) {
            return html.replace(UNSUBSCRIBE, unsubscribeUrl);
        }

        String text(String unsubscribeUrl) {
            return text.replace(UNSUBSCRIBE, unsubscribeUrl);
        }
    }

    /**
     * A piece as the issue lists it: kicker (kind and section), headline, standfirst, absolute link,
     * and its lead photo (absolute address of a rendition about the mail's width, its alt text and
     * size), or no photo.
     */
    record Item(
            String kicker,
            String headline,
            String standfirst,
            String url,
            String photoUrl,
            String photoAlt,
            int photoWidth,
            int photoHeight) {
        public boolean hasPhoto() {
            return photoUrl != null;
        }
    }

    /** The mail's column, in CSS pixels: what mail clients render well on a desktop, and shrinks on a phone. */
    static final int WIDTH = 600;

    private final BodyRenderer renderer;
    private final PieceCatalog catalog;
    private final PublicUrls urls;
    private final SitrepProperties properties;
    private final SpringTemplateEngine templates;
    private final Clock clock;
    private final Dateline dateline;

    IssueLetter(
            BodyRenderer renderer,
            PieceCatalog catalog,
            PublicUrls urls,
            SitrepProperties properties,
            SpringTemplateEngine templates,
            Clock clock,
            Dateline dateline) {
        this.clock = clock;
        this.dateline = dateline;
        this.renderer = renderer;
        this.catalog = catalog;
        this.urls = urls;
        this.properties = properties;
        this.templates = templates;
    }

    Letter render(Issue issue, Newsletter newsletter) {
        return render(issue, newsletter, Language.EN);
    }

    /**
     * The issue for readers of {@code language}: each piece in its live translation into that language
     * where it has one, else as written; the issue's own subject and introduction as the editor wrote them.
     */
    Letter render(Issue issue, Newsletter newsletter, Language language) {
        String introHtml = renderer.toHtml(issue.introMarkdown());
        Instant now = clock.instant();
        String introMail = forMail(introHtml);
        List<Item> items = catalog.byIds(issue.pieceIds()).stream()
                .filter(p -> p.isLive(now)) // a piece unpublished since the issue was written drops out
                .map(p -> translated(p, language))
                .map(this::item)
                .toList();
        Context context = new Context(language.locale());
        context.setVariable("newsletter", newsletter);
        context.setVariable("subject", issue.subject());
        context.setVariable("introHtml", introMail);
        context.setVariable("items", items);
        context.setVariable("siteName", properties.siteName());
        context.setVariable("siteUrl", urls.absolute("/"));
        context.setVariable("accountUrl", urls.absolute("/account"));
        context.setVariable("unsubscribe", UNSUBSCRIBE);
        context.setVariable("webUrl", urls.absolute("/newsletters/issues/" + issue.id()));
        context.setVariable("archiveUrl", urls.absolute("/newsletters"));
        context.setVariable("date", dateline.day(issue.startedAt() != null ? issue.startedAt() : now));
        context.setVariable("preheader", items.isEmpty() ? "" : items.get(0).headline());
        context.setVariable("width", WIDTH);
        String html = templates.process("newsletters/mail", context);
        return new Letter(issue.subject(), html, text(issue, newsletter, introHtml, items));
    }

    /** {@code p} in {@code language}: its live translation, or itself when it has none (or is in that language already). */
    private Piece translated(Piece p, Language language) {
        if (language.code().equals(p.language())) return p;
        return catalog.family(p.familyId()).stream()
                .filter(l -> language.code().equals(l.language()))
                .findFirst()
                .flatMap(l -> catalog.byIds(List.of(l.id())).stream().findFirst())
                .orElse(p);
    }

    /** The items of the issue, as they are now (for the archive's web view). */
    List<Item> items(Issue issue) {
        Instant now = clock.instant();
        return catalog.byIds(issue.pieceIds()).stream()
                .filter(p -> p.isLive(now))
                .map(this::item)
                .toList();
    }

    private Item item(Piece p) {
        String kicker = p.kind().label() + (p.section() == null || p.section().isBlank() ? "" : " · " + p.section());
        Photo photo = p.leadPhoto();
        if (photo == null)
            return new Item(kicker, p.headline(), p.standfirst(), urls.absolute(p.path()), null, null, 0, 0);
        // The smallest rendition at least as wide as the column (sharp on most screens), else the original.
        String path = photo.url();
        int w = photo.width();
        int h = photo.height();
        for (Photo.Rendition r : photo.renditions()) {
            if (r.width() >= WIDTH) {
                path = Photo.renditionUrl(r);
                w = r.width();
                h = r.height();
                break;
            }
        }
        int shownHeight = w > 0 ? Math.round((float) h * Math.min(WIDTH, w) / w) : 0;
        String alt = firstNonBlank(photo.altText(), photo.caption(), p.headline());
        return new Item(
                kicker,
                p.headline(),
                p.standfirst(),
                urls.absolute(p.path()),
                urls.absolute(path),
                alt,
                Math.min(WIDTH, w),
                shownHeight);
    }

    /** Inline styles on the intro's elements (mail clients ignore style sheets), links and images made absolute. */
    private String forMail(String html) {
        org.jsoup.nodes.Document doc = Jsoup.parseBodyFragment(html, urls.absolute("/"));
        doc.outputSettings().prettyPrint(false);
        for (Element e : doc.body().select("*")) {
            String style =
                    switch (e.normalName()) {
                        case "p" -> "margin:0 0 14px;";
                        case "ul", "ol" -> "margin:0 0 14px;padding-left:24px;";
                        case "li" -> "margin:0 0 6px;";
                        case "h2", "h3", "h4" ->
                            "margin:18px 0 8px;font-family:Georgia,'Times New Roman',serif;font-size:20px;line-height:26px;color:#1b1b1b;";
                        case "blockquote" ->
                            "margin:0 0 14px;padding-left:12px;border-left:3px solid #d9d5cc;color:#4a4a4a;";
                        case "a" -> "color:#1d4e89;text-decoration:underline;";
                        case "img" -> "display:block;max-width:100%;height:auto;border:0;";
                        default -> null;
                    };
            if (style != null) e.attr("style", style);
            if (e.nameIs("a") && e.hasAttr("href"))
                e.attr("href", e.absUrl("href").isEmpty() ? e.attr("href") : e.absUrl("href"));
            if (e.nameIs("img")) {
                if (!e.absUrl("src").isEmpty()) e.attr("src", e.absUrl("src"));
                if (!e.hasAttr("alt")) e.attr("alt", "");
            }
        }
        return doc.body().html();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v.strip();
        return "";
    }

    private String text(Issue issue, Newsletter newsletter, String introHtml, List<Item> items) {
        StringBuilder t = new StringBuilder();
        t.append(newsletter.name()).append(" · ").append(properties.siteName()).append("\n");
        t.append(issue.subject()).append("\n\n");
        for (Element block : Jsoup.parseBodyFragment(introHtml).body().children()) {
            if (block.is("ul, ol")) {
                for (Element li : block.select("> li"))
                    t.append("- ").append(li.text()).append("\n");
                t.append("\n");
            } else if (!block.text().isBlank()) {
                t.append(block.text()).append("\n\n");
            }
        }
        for (Item item : items) {
            t.append(item.kicker().toUpperCase(java.util.Locale.ROOT)).append("\n");
            t.append("* ").append(item.headline()).append("\n");
            if (item.standfirst() != null && !item.standfirst().isBlank())
                t.append("  ").append(item.standfirst()).append("\n");
            t.append("  ").append(item.url()).append("\n\n");
        }
        t.append("-- \n");
        t.append("You receive ")
                .append(newsletter.name())
                .append(" because you chose it at ")
                .append(properties.siteName())
                .append(".\n");
        t.append("Unsubscribe in one click: ").append(UNSUBSCRIBE).append("\n");
        t.append("Choose your newsletters: ").append(urls.absolute("/account")).append("\n");
        t.append("Read it on the web: ")
                .append(urls.absolute("/newsletters/issues/" + issue.id()))
                .append("\n");
        return t.toString();
    }

    /** Pieces an editor can pick for an issue: the most recent live ones, plus any already chosen. */
    List<Piece> pickable(List<Long> chosen) {
        List<Piece> recent = catalog.latest(40, 0);
        List<Long> shown = recent.stream().map(Piece::id).toList();
        List<Piece> older =
                catalog.byIds(chosen.stream().filter(id -> !shown.contains(id)).toList());
        return java.util.stream.Stream.concat(older.stream(), recent.stream()).toList();
    }
}
