package org.sitrep.ingest;

import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;

/**
 * Bounds on the markup ingest is willing to work on. Cleaning a page (the page reader, the
 * allow-list) costs, for each element, work in proportion to how deep it sits, so a page of
 * thousands of nested {@code div}s took seconds per 20 KB and a 2 MB one held the inbox and
 * the scheduler for good. A real page is a few dozen elements deep; browsers themselves stop
 * nesting at 512. So HTML nested more than {@value #MAX_DEPTH} deep, or with more than
 * {@value #MAX_ELEMENTS} elements, is refused with an ingestion error, in two steps:
 * <ol>
 * <li>{@link #scan}: one pass over the text, before any parser sees it, that follows open and
 *     close tags with the usual implied closes ({@code p}, {@code li}, table cells…). It refuses
 *     the plain attack at once, however large, and never costs more than reading the text;</li>
 * <li>{@link #check(Element)}: the parsed tree's real depth and size, which is what the cleaning
 *     work depends on. This is the guarantee, for markup the quick pass judged differently from
 *     the parser (its implied closes are simpler than the HTML5 tree builder's).</li>
 * </ol>
 */
final class MarkupLimits {
    static final int MAX_DEPTH = 256;
    static final int MAX_ELEMENTS = 100_000;

    private static final Set<String> VOID = Set.of(
            "area",
            "base",
            "basefont",
            "bgsound",
            "br",
            "col",
            "embed",
            "frame",
            "hr",
            "img",
            "input",
            "keygen",
            "link",
            "meta",
            "param",
            "source",
            "track",
            "wbr",
            "image",
            "command");
    /** Elements whose content is text, not markup: a '<' inside them opens nothing. */
    private static final Set<String> RAW_TEXT =
            Set.of("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext");
    /** Taken as the document's own: never nested, whatever the markup says. */
    private static final Set<String> DOCUMENT = Set.of("html", "head", "body");
    /** Start tags that end an open paragraph. */
    private static final Set<String> CLOSES_P = Set.of(
            "address",
            "article",
            "aside",
            "blockquote",
            "center",
            "details",
            "dialog",
            "dir",
            "div",
            "dl",
            "fieldset",
            "figcaption",
            "figure",
            "footer",
            "form",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "header",
            "hgroup",
            "hr",
            "main",
            "menu",
            "nav",
            "ol",
            "p",
            "pre",
            "listing",
            "section",
            "summary",
            "ul",
            "li",
            "dd",
            "dt",
            "table");
    /** An end tag does not reach past these (the HTML "scope" boundaries). */
    private static final Set<String> SCOPE =
            Set.of("table", "td", "th", "caption", "template", "object", "applet", "marquee", "button");

    private static final Set<String> TABLE_PARTS =
            Set.of("td", "th", "tr", "tbody", "thead", "tfoot", "caption", "colgroup");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private MarkupLimits() {}

    /** Scans, parses and checks: for markup about to be cleaned or read as a page. */
    static void checked(String html) {
        scan(html);
        check(Jsoup.parse(html));
    }

    /** The parsed tree: refused when deeper than {@value #MAX_DEPTH} or larger than {@value #MAX_ELEMENTS} elements. */
    static void check(Element root) {
        int[] elements = {0};
        BadInput[] refused = {null};
        root.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element)) return FilterResult.CONTINUE;
                if (depth > MAX_DEPTH) refused[0] = tooDeep();
                else if (++elements[0] > MAX_ELEMENTS) refused[0] = tooMany();
                return refused[0] == null ? FilterResult.CONTINUE : FilterResult.STOP;
            }
        });
        if (refused[0] != null) throw refused[0];
    }

    /** The quick pass over the text: see the class comment. Linear in the length of {@code html}. */
    static void scan(CharSequence html) {
        if (html == null) return;
        int n = html.length();
        String[] open = new String[MAX_DEPTH + 1];
        int depth = 0;
        int elements = 0;
        int i = 0;
        while (i < n) {
            int lt = indexOf(html, '<', i);
            if (lt < 0 || lt + 1 >= n) return;
            char c = html.charAt(lt + 1);
            if (c == '!' || c == '?') { // comment, doctype, CDATA, processing instruction
                int end = startsWith(html, lt, "<!--") ? indexOf(html, "-->", lt + 4) : indexOf(html, '>', lt + 2);
                if (end < 0) return;
                i = end + 1;
                continue;
            }
            boolean closing = c == '/';
            int nameStart = lt + (closing ? 2 : 1);
            if (nameStart >= n || !isLetter(html.charAt(nameStart))) {
                i = lt + 1;
                continue;
            }
            int nameEnd = nameStart;
            while (nameEnd < n && nameEnd - nameStart < 64 && isNameChar(html.charAt(nameEnd))) nameEnd++;
            String name = html.subSequence(nameStart, nameEnd).toString().toLowerCase(Locale.ROOT);
            int end = tagEnd(html, nameEnd);
            if (end < 0) return;
            i = end + 1;
            if (closing) {
                depth = close(open, depth, name);
                continue;
            }
            if (++elements > MAX_ELEMENTS) throw tooMany();
            if (VOID.contains(name) || DOCUMENT.contains(name)) continue;
            // "<div/>" opens a div like "<div>" in HTML (so a thousand of them nest a thousand deep); only inside
            // SVG and MathML does the slash close the element.
            if (html.charAt(end - 1) == '/' && (name.equals("svg") || name.equals("math") || foreign(open, depth)))
                continue;
            if (RAW_TEXT.contains(name)) {
                int closeAt = indexOfIgnoreCase(html, "</" + name, i);
                i = closeAt < 0 ? n : closeAt;
                continue;
            }
            depth = impliedCloses(open, depth, name);
            if (depth == MAX_DEPTH) throw tooDeep();
            open[depth++] = name;
        }
    }

    /** Closes what a new start tag {@code name} ends in HTML: an open paragraph, list item, cell, heading, link. */
    private static int impliedCloses(String[] open, int depth, String name) {
        if (CLOSES_P.contains(name)) depth = popTo(open, depth, "p", SCOPE);
        switch (name) {
            case "li" -> depth = popTo(open, depth, "li", union("ul", "ol"));
            case "dd", "dt" -> {
                depth = popTo(open, depth, "dd", union("dl"));
                depth = popTo(open, depth, "dt", union("dl"));
            }
            case "option" -> depth = depth > 0 && open[depth - 1].equals("option") ? depth - 1 : depth;
            case "tr", "tbody", "thead", "tfoot" -> {
                depth = popTo(open, depth, "td", Set.of("table"));
                depth = popTo(open, depth, "th", Set.of("table"));
                depth = popTo(open, depth, "tr", Set.of("table"));
                if (!name.equals("tr"))
                    depth = popToAny(open, depth, Set.of("tbody", "thead", "tfoot"), Set.of("table"));
            }
            case "td", "th" -> {
                depth = popTo(open, depth, "td", Set.of("table", "tr"));
                depth = popTo(open, depth, "th", Set.of("table", "tr"));
            }
            case "a" -> depth = popTo(open, depth, "a", SCOPE);
            default -> {
                if (HEADINGS.contains(name) && depth > 0 && HEADINGS.contains(open[depth - 1])) depth--;
            }
        }
        return depth;
    }

    private static boolean foreign(String[] open, int depth) {
        for (int k = 0; k < depth; k++) if (open[k].equals("svg") || open[k].equals("math")) return true;
        return false;
    }

    private static Set<String> union(String... more) {
        java.util.HashSet<String> s = new java.util.HashSet<>(SCOPE);
        s.addAll(Set.of(more));
        return s;
    }

    /** An end tag: closes the nearest open element of that name, unless a scope boundary comes first. */
    private static int close(String[] open, int depth, String name) {
        if (TABLE_PARTS.contains(name)) return popTo(open, depth, name, Set.of("table"));
        if (SCOPE.contains(name)) return popTo(open, depth, name, Set.of());
        return popTo(open, depth, name, SCOPE);
    }

    private static int popTo(String[] open, int depth, String name, Set<String> boundary) {
        for (int k = depth - 1; k >= 0; k--) {
            if (open[k].equals(name)) return k;
            if (boundary.contains(open[k])) return depth;
        }
        return depth;
    }

    private static int popToAny(String[] open, int depth, Set<String> names, Set<String> boundary) {
        for (int k = depth - 1; k >= 0; k--) {
            if (names.contains(open[k])) return k;
            if (boundary.contains(open[k])) return depth;
        }
        return depth;
    }

    /** The '>' that ends a tag whose name ends at {@code from}, skipping quoted attribute values. */
    private static int tagEnd(CharSequence s, int from) {
        char quote = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                // A quote only opens a value right after '=' (possibly with spaces); elsewhere it is just a character.
                int k = i - 1;
                while (k >= from && Character.isWhitespace(s.charAt(k))) k--;
                if (k >= from && s.charAt(k) == '=') quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isNameChar(char c) {
        return c != '>' && c != '/' && !Character.isWhitespace(c);
    }

    private static int indexOf(CharSequence s, char c, int from) {
        for (int i = Math.max(0, from); i < s.length(); i++) if (s.charAt(i) == c) return i;
        return -1;
    }

    private static int indexOf(CharSequence s, String needle, int from) {
        return s.toString().indexOf(needle, from);
    }

    private static boolean startsWith(CharSequence s, int at, String prefix) {
        if (at + prefix.length() > s.length()) return false;
        for (int k = 0; k < prefix.length(); k++) if (s.charAt(at + k) != prefix.charAt(k)) return false;
        return true;
    }

    private static int indexOfIgnoreCase(CharSequence s, String needle, int from) {
        int last = s.length() - needle.length();
        for (int i = from; i <= last; i++) {
            boolean match = true;
            for (int k = 0; k < needle.length() && match; k++) {
                match = Character.toLowerCase(s.charAt(i + k)) == needle.charAt(k);
            }
            if (match) return i;
        }
        return -1;
    }

    private static BadInput tooDeep() {
        return new BadInput(
                "HTML nested more than " + MAX_DEPTH + " elements deep is refused (it costs too much to clean)");
    }

    private static BadInput tooMany() {
        return new BadInput(
                "HTML with more than " + MAX_ELEMENTS + " elements is refused (it costs too much to clean)");
    }
}
