package org.sitrep.newsroom;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns the Markdown an editor writes into the HTML readers get. Markdown may carry raw HTML, so
 * the result is always cleaned against a safelist: no scripts, frames, event handlers, styles or
 * {@code javascript:} links, whatever was typed or pasted.
 *
 * <p>A paragraph that is only {@code [[photo:12]]} (or {@code [[photo:12|a caption for this
 * piece]]}) becomes a figure of library photo 12: its renditions, its caption (or the one given)
 * and its credit. The figure is built after cleaning, from the library's own data with every text
 * escaped, so the shortcode cannot smuggle markup in.
 */
@Component
public class BodyRenderer {
    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER =
            HtmlRenderer.builder().extensions(EXTENSIONS).build();
    // Relative links are resolved against this only to check their protocol; they stay relative.
    private static final String BASE = "https://sitrep.invalid/";
    static final Pattern PHOTO = Pattern.compile("\\[\\[photo:(\\d{1,18})(?:\\s*\\|\\s*([^\\]]*))?\\]\\]");

    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeTags("div", "span")
            .addAttributes("th", "align", "scope")
            .addAttributes("td", "align")
            .addAttributes("a", "title")
            .removeProtocols("a", "href", "ftp")
            .removeProtocols("img", "src", "http")
            .preserveRelativeLinks(true);

    private final Function<Collection<Long>, Map<Long, Photo>> photos;

    /** Without a photo library (unit tests): photo shortcodes stay as the text they are. */
    public BodyRenderer() {
        this(ids -> Map.of());
    }

    @Autowired
    public BodyRenderer(PieceCatalog catalog) {
        this(catalog::photos);
    }

    BodyRenderer(Function<Collection<Long>, Map<Long, Photo>> photos) {
        this.photos = photos;
    }

    public String toHtml(String markdown) {
        String raw = RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
        Document.OutputSettings out = new Document.OutputSettings().prettyPrint(false);
        String clean = Jsoup.clean(raw, BASE, SAFELIST, out).strip();
        return clean.contains("[[photo:") ? withPhotos(clean, out) : clean;
    }

    /** Library photo ids named by photo shortcodes in the body, in order. */
    public static List<Long> photoIds(String markdown) {
        List<Long> ids = new ArrayList<>();
        if (markdown == null) return ids;
        Matcher m = PHOTO.matcher(markdown);
        while (m.find()) ids.add(Long.parseLong(m.group(1)));
        return ids;
    }

    private String withPhotos(String clean, Document.OutputSettings out) {
        Document doc = Jsoup.parseBodyFragment(clean);
        doc.outputSettings(out);
        Map<Element, Matcher> shortcodes = new LinkedHashMap<>();
        for (Element p : doc.body().select("p")) {
            Matcher m = PHOTO.matcher(p.text().strip());
            if (m.matches()) shortcodes.put(p, m);
        }
        if (shortcodes.isEmpty()) return clean;
        Map<Long, Photo> found = photos.apply(shortcodes.values().stream()
                .map(m -> Long.parseLong(m.group(1)))
                .distinct()
                .toList());
        for (Map.Entry<Element, Matcher> e : shortcodes.entrySet()) {
            Photo photo = found.get(Long.parseLong(e.getValue().group(1)));
            // An unknown photo number stays visible as typed, so the editor sees it in the preview.
            if (photo == null) continue;
            String caption =
                    e.getValue().group(2) != null && !e.getValue().group(2).isBlank()
                            ? e.getValue().group(2).strip()
                            : photo.caption();
            e.getKey().replaceWith(figure(photo, caption));
        }
        return doc.body().html().strip();
    }

    private static Element figure(Photo photo, String caption) {
        Element figure = new Element("figure").addClass("body-photo");
        Photo.Rendition shown = null;
        for (Photo.Rendition r : photo.renditions()) {
            if (shown == null || r.width() <= 1024) shown = r;
        }
        Element img = figure.appendElement("img")
                .attr("src", shown == null ? photo.url() : Photo.renditionUrl(shown))
                .attr("alt", photo.altText() != null ? photo.altText() : caption != null ? caption : "")
                .attr("width", Integer.toString(shown == null ? photo.width() : shown.width()))
                .attr("height", Integer.toString(shown == null ? photo.height() : shown.height()))
                .attr("loading", "lazy");
        if (!photo.srcset().isEmpty())
            img.attr("srcset", photo.srcset()).attr("sizes", "(min-width: 48em) 42rem, 100vw");
        if (caption != null || photo.credit() != null) {
            Element figcaption = figure.appendElement("figcaption");
            if (caption != null)
                figcaption.appendElement("span").addClass("caption").text(caption);
            if (photo.credit() != null) {
                if (caption != null) figcaption.appendText(" ");
                figcaption.appendElement("span").addClass("credit").text("Photo: " + photo.credit());
            }
        }
        return figure;
    }
}
