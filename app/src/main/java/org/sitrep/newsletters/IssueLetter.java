package org.sitrep.newsletters;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.sitrep.common.SitrepProperties;
import org.sitrep.newsroom.BodyRenderer;
import org.sitrep.newsroom.Piece;
import org.sitrep.newsroom.PieceCatalog;
import org.sitrep.site.PublicUrls;
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
        String html(String unsubscribeUrl) { return html.replace(UNSUBSCRIBE, unsubscribeUrl); }

        String text(String unsubscribeUrl) { return text.replace(UNSUBSCRIBE, unsubscribeUrl); }
    }

    /** A piece as the issue lists it. */
    record Item(String headline, String standfirst, String url) {}

    private final BodyRenderer renderer;
    private final PieceCatalog catalog;
    private final PublicUrls urls;
    private final SitrepProperties properties;
    private final SpringTemplateEngine templates;
    private final Clock clock;

    IssueLetter(BodyRenderer renderer, PieceCatalog catalog, PublicUrls urls, SitrepProperties properties, SpringTemplateEngine templates,
                Clock clock) {
        this.clock = clock;
        this.renderer = renderer;
        this.catalog = catalog;
        this.urls = urls;
        this.properties = properties;
        this.templates = templates;
    }

    Letter render(Issue issue, Newsletter newsletter) {
        String introHtml = renderer.toHtml(issue.introMarkdown());
        Instant now = clock.instant();
        List<Item> items = catalog.byIds(issue.pieceIds()).stream()
                .filter(p -> p.isLive(now)) // a piece unpublished since the issue was written drops out
                .map(p -> new Item(p.headline(), p.standfirst(), urls.absolute(p.path()))).toList();
        Context context = new Context();
        context.setVariable("newsletter", newsletter);
        context.setVariable("subject", issue.subject());
        context.setVariable("introHtml", introHtml);
        context.setVariable("items", items);
        context.setVariable("siteName", properties.siteName());
        context.setVariable("siteUrl", urls.absolute("/"));
        context.setVariable("accountUrl", urls.absolute("/account"));
        context.setVariable("unsubscribe", UNSUBSCRIBE);
        String html = templates.process("newsletters/mail", context);
        return new Letter(issue.subject(), html, text(issue, newsletter, introHtml, items));
    }

    private String text(Issue issue, Newsletter newsletter, String introHtml, List<Item> items) {
        StringBuilder t = new StringBuilder();
        t.append(newsletter.name()).append(" · ").append(properties.siteName()).append("\n");
        t.append(issue.subject()).append("\n\n");
        for (Element block : Jsoup.parseBodyFragment(introHtml).body().children()) {
            if (block.is("ul, ol")) {
                for (Element li : block.select("> li")) t.append("- ").append(li.text()).append("\n");
                t.append("\n");
            } else if (!block.text().isBlank()) {
                t.append(block.text()).append("\n\n");
            }
        }
        for (Item item : items) {
            t.append("* ").append(item.headline()).append("\n");
            if (item.standfirst() != null && !item.standfirst().isBlank()) t.append("  ").append(item.standfirst()).append("\n");
            t.append("  ").append(item.url()).append("\n\n");
        }
        t.append("-- \n");
        t.append("You receive ").append(newsletter.name()).append(" because you chose it at ").append(properties.siteName()).append(".\n");
        t.append("Unsubscribe in one click: ").append(UNSUBSCRIBE).append("\n");
        t.append("Choose your newsletters: ").append(urls.absolute("/account")).append("\n");
        return t.toString();
    }

    /** Pieces an editor can pick for an issue: the most recent live ones, plus any already chosen. */
    List<Piece> pickable(List<Long> chosen) {
        List<Piece> recent = catalog.latest(40, 0);
        List<Long> shown = recent.stream().map(Piece::id).toList();
        List<Piece> older = catalog.byIds(chosen.stream().filter(id -> !shown.contains(id)).toList());
        return java.util.stream.Stream.concat(older.stream(), recent.stream()).toList();
    }
}
