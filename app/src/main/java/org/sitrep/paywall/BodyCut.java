package org.sitrep.paywall;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The opening of a body for readers the paywall stops: whole block elements, never half a tag. */
final class BodyCut {
    private BodyCut() {}

    /** The first {@code blocks} top-level elements of {@code html} (already sanitised by the newsroom). */
    static String opening(String html, int blocks) {
        if (html == null || html.isBlank()) return "";
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        StringBuilder out = new StringBuilder();
        int taken = 0;
        for (Element e : doc.body().children()) {
            if (taken == blocks) break;
            if (e.text().isBlank() && e.select("img").isEmpty()) continue; // empty spacers give no taste of the piece
            out.append(e.outerHtml());
            taken++;
        }
        return out.toString();
    }
}
