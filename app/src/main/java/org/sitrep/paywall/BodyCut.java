package org.sitrep.paywall;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The opening of a body for readers the paywall stops: whole block elements, never half a tag. */
final class BodyCut {
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private BodyCut() {}

    /**
     * The opening of {@code html} (already sanitised by the newsroom): its top-level elements up to
     * and including the {@code paragraphs}-th block of text. Headings on the way are kept but do not
     * count, nor does the note a sample piece opens with ({@code sample}): the reader must get a
     * taste of the piece itself, not only a heading or "this is a sample".
     */
    static String opening(String html, boolean sample, int paragraphs) {
        if (html == null || html.isBlank()) return "";
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        StringBuilder out = new StringBuilder();
        int taken = 0;
        boolean first = true;
        for (Element e : doc.body().children()) {
            if (taken == paragraphs) break;
            if (e.text().isBlank() && e.select("img").isEmpty()) continue; // empty spacers give no taste of the piece
            out.append(e.outerHtml());
            boolean note = sample && first && isNote(e);
            first = false;
            if (!note && !HEADINGS.contains(e.normalName())) taken++;
        }
        return out.toString();
    }

    /** A paragraph that is all emphasis: how the sample note is written ("*Sample content …*"). */
    private static boolean isNote(Element e) {
        if (!e.nameIs("p") || e.childrenSize() != 1) return false;
        Element only = e.child(0);
        return only.nameIs("em") && only.text().equals(e.text());
    }
}
