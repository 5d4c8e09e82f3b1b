package org.sitrep.ingest;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * Ingested markup is hostile until proven otherwise: everything shown on a page goes through
 * jsoup's allow-list (no scripts, event handlers, iframes, styles; links only to http, https and
 * mailto, marked nofollow).
 */
final class Markup {
    private static final Safelist SAFE =
            Safelist.basic().addTags("h2", "h3", "h4", "figure", "figcaption").removeProtocols("a", "href", "ftp");

    private Markup() {}

    static String sanitise(String html) {
        if (html == null || html.isBlank()) return "";
        MarkupLimits.scan(html);
        return Jsoup.clean(html, SAFE);
    }

    /** Plain paragraphs as safe HTML. */
    static String paragraphs(List<String> blocks) {
        StringBuilder sb = new StringBuilder();
        for (String b : blocks) sb.append("<p>").append(Entities.escape(b)).append("</p>\n");
        return sb.toString();
    }

    /** Paragraphs of plain text: split at blank lines, whitespace inside each collapsed. */
    static List<String> textParagraphs(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        for (String p : text.replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n")) {
            String t = oneLine(p);
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    /** Whitespace (and invisible format characters) collapsed to single spaces, markup removed. */
    static String oneLine(String s) {
        if (s == null) return "";
        if (s.indexOf('<') >= 0) MarkupLimits.scan(s); // a feed's title may be markup too
        String text = s.indexOf('<') >= 0 ? Jsoup.parse(s).text() : s;
        return text.replace('\u00a0', ' ').replaceAll("[\\s\\p{Cf}]+", " ").strip();
    }
}
