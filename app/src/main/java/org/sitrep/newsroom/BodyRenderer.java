package org.sitrep.newsroom;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Turns the Markdown an editor writes into the HTML readers get. Markdown may carry raw HTML, so
 * the result is always cleaned against a safelist: no scripts, frames, event handlers, styles or
 * {@code javascript:} links, whatever was typed or pasted.
 */
@Component
public class BodyRenderer {
    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).build();
    // Relative links are resolved against this only to check their protocol; they stay relative.
    private static final String BASE = "https://sitrep.invalid/";

    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeTags("div", "span")
            .addAttributes("th", "align", "scope")
            .addAttributes("td", "align")
            .addAttributes("a", "title")
            .removeProtocols("a", "href", "ftp")
            .removeProtocols("img", "src", "http")
            .preserveRelativeLinks(true);

    public String toHtml(String markdown) {
        String raw = RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
        Document.OutputSettings out = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(raw, BASE, SAFELIST, out).strip();
    }
}
