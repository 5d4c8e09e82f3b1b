package org.sitrep.analysis.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * A saved news web page reduced to what a reader came for: headline, standfirst, photo caption and
 * body paragraphs, without the page's chrome (navigation, share buttons, paywall and cookie boxes,
 * related links, footers), plus the publication date from the page's metadata.
 */
public final class WebPage {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Words in class/id/role attributes that mark page chrome rather than the story. */
    private static final Set<String> CHROME = Set.of(
            "nav",
            "navbar",
            "navigation",
            "menu",
            "menubar",
            "breadcrumb",
            "breadcrumbs",
            "skip",
            "skiplink",
            "share",
            "sharing",
            "social",
            "sharebar",
            "subscribe",
            "subscription",
            "subscriptions",
            "paywall",
            "newsletter",
            "signup",
            "login",
            "register",
            "cookie",
            "cookies",
            "consent",
            "gdpr",
            "banner",
            "promo",
            "advert",
            "advertisement",
            "ad",
            "ads",
            "adslot",
            "sponsor",
            "sponsored",
            "related",
            "recommended",
            "recommendations",
            "trending",
            "popular",
            "comments",
            "comment",
            "footer",
            "sidebar",
            "widget",
            "popup",
            "modal",
            "overlay",
            "toolbar",
            "search",
            "searchbox",
            "masthead",
            "outbrain",
            "taboola",
            "tags",
            "topics",
            "print",
            "byline",
            "author",
            "dateline",
            "timestamp",
            "meta",
            "more",
            "readmore",
            "next",
            "prev",
            "pagination",
            "visually",
            "sr",
            "offscreen");
    /** Chrome words that hold even for a box full of paragraphs (a paywall or cookie notice can be long). */
    private static final Set<String> ALWAYS_CHROME = Set.of(
            "paywall",
            "subscribe",
            "subscription",
            "subscriptions",
            "newsletter",
            "cookie",
            "cookies",
            "consent",
            "gdpr",
            "comments",
            "comment",
            "related",
            "recommended",
            "recommendations",
            "outbrain",
            "taboola",
            "share",
            "sharing",
            "social",
            "nav",
            "navbar",
            "navigation",
            "menu",
            "footer");

    private static final Set<String> CHROME_ROLES =
            Set.of("navigation", "banner", "contentinfo", "search", "complementary", "dialog", "alertdialog", "menu");
    private static final Set<String> STANDFIRST = Set.of(
            "standfirst",
            "dek",
            "deck",
            "lede",
            "lead",
            "summary",
            "subtitle",
            "subheadline",
            "subhead",
            "strapline",
            "excerpt",
            "intro",
            "description",
            "kicker-summary");
    private static final Set<String> CAPTION = Set.of("caption", "figcaption", "photo-caption", "credit-caption");
    /** Short lines that are chrome whatever element holds them. */
    private static final Pattern BOILERPLATE = Pattern.compile(
            "(?i)^(skip to (main )?content|advertisement|share( this( article| story)?)?|subscribe.*|sign (in|up).*"
                    + "|log in.*|read more.*|related( (articles|stories|coverage))?|most (read|popular)"
                    + "|accept( all)?( cookies)?|we use cookies.*|continue reading.*|follow us.*|click here.*"
                    + "|copy link|print|email|facebook|twitter|x|whatsapp|linkedin)$");

    private static final Pattern WORDS = Pattern.compile("[^a-z0-9]+");

    private final String title;
    private final List<String> blocks;
    private final LocalDate published;

    private WebPage(String title, List<String> blocks, LocalDate published) {
        this.title = title;
        this.blocks = blocks;
        this.published = published;
    }

    /** The headline, or null when the page has none. */
    public String title() {
        return title;
    }

    /** Headline, standfirst, captions and body paragraphs, in that order. */
    public List<String> blocks() {
        return blocks;
    }

    /** The publication date from the page's metadata, or null. */
    public LocalDate published() {
        return published;
    }

    public static WebPage parse(String html) {
        org.jsoup.nodes.Document page = Jsoup.parse(html);
        LocalDate published = publishedDate(page);
        page.select("script, style, noscript, template, iframe, svg, canvas, form, button, input, select, "
                        + "textarea, nav, aside, dialog, object, embed, video, audio, [hidden], [aria-hidden=true]")
                .remove();
        Element root = mainContent(page);
        Element headline = first(root.select("h1"));
        if (headline == null) headline = first(page.select("h1"));
        String title = headline != null ? clean(headline.text()) : metaTitle(page);
        removeChrome(root);

        Set<Element> used = new HashSet<>();
        List<String> blocks = new ArrayList<>();
        if (title != null && !title.isEmpty()) blocks.add(title);
        if (headline != null) used.add(headline);
        for (Element e : root.select("p, div, h2, span")) {
            if (used.contains(e) || !hasWord(e, STANDFIRST)) continue;
            String t = clean(e.text());
            if (t.length() > 20) {
                blocks.add(t);
                markUsed(e, used);
                break;
            }
        }
        for (Element e : root.select("figcaption, [class*=caption]")) {
            if (used.contains(e) || insideUsed(e, used)) continue;
            String t = clean(e.text());
            if (t.length() > 10) {
                blocks.add(t);
                markUsed(e, used);
            }
        }
        for (Element e : root.select("h2, h3, h4, h5, h6, p, li, blockquote, pre, div")) {
            if (used.contains(e) || insideUsed(e, used)) continue;
            if (e.tagName().equals("div")
                    || e.tagName().equals("li")
                    || e.tagName().equals("blockquote")) {
                if (!e.select("p, h2, h3, h4, h5, h6, li, blockquote, div, figcaption")
                        .isEmpty()) continue;
                if (e.tagName().equals("div") && e.text().length() < 40) continue;
            }
            if (e.closest("figure") != null) continue;
            String t = clean(e.text());
            if (t.isEmpty() || BOILERPLATE.matcher(t).matches() || linkDense(e, t)) continue;
            blocks.add(t);
            markUsed(e, used);
        }
        return new WebPage(title, List.copyOf(blocks), published);
    }

    /** The element that holds the story: the fullest {@code <article>}, then main, then the densest block. */
    private static Element mainContent(org.jsoup.nodes.Document page) {
        Element best = null;
        int bestLength = 0;
        for (Element e : page.select("article, [itemprop=articleBody], [role=main], main")) {
            int length = paragraphText(e);
            if (length > bestLength * 1.2) {
                best = e;
                bestLength = length;
            }
        }
        if (best != null && bestLength > 0) return widenToHeadline(best);
        // No semantic markup: the element whose own paragraphs hold the most text.
        for (Element p : page.select("p")) {
            Element parent = p.parent();
            if (parent == null) continue;
            int length = 0;
            for (Element child : parent.children())
                if (child.tagName().equals("p")) length += child.text().length();
            if (length > bestLength) {
                best = parent;
                bestLength = length;
            }
        }
        return best != null ? widenToHeadline(best) : page.body();
    }

    /** Sites often put the headline just outside the body container; climb until an h1 is inside. */
    private static Element widenToHeadline(Element root) {
        Element e = root;
        for (int i = 0;
                i < 3
                        && e.select("h1").isEmpty()
                        && e.parent() != null
                        && !e.parent().tagName().equals("body")
                        && !e.parent().tagName().equals("html");
                i++) {
            e = e.parent();
        }
        return e.select("h1").isEmpty() ? root : e;
    }

    private static int paragraphText(Element e) {
        int n = 0;
        for (Element p : e.select("p")) n += p.text().length();
        return n;
    }

    private static void removeChrome(Element root) {
        List<Element> chrome = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (e == root) continue;
            String tag = e.tagName();
            boolean pageLevel = (tag.equals("header") || tag.equals("footer"))
                    && e.select("h1").isEmpty()
                    && !hasWord(e, STANDFIRST);
            String role = e.attr("role").toLowerCase(Locale.ROOT);
            if (pageLevel || CHROME_ROLES.contains(role) || isChrome(e)) chrome.add(e);
        }
        for (Element e : chrome) e.remove();
    }

    private static boolean isChrome(Element e) {
        if (!e.select("h1").isEmpty() || hasWord(e, STANDFIRST) || hasWord(e, CAPTION)) return false;
        if (e.tagName().equals("figure") || e.tagName().equals("figcaption")) return false;
        if (!hasWord(e, CHROME)) return false;
        // Utility class names ("more", "meta", "ad") also sit on story containers: keep a box that holds
        // the story's paragraphs unless its name is unmistakable.
        return hasWord(e, ALWAYS_CHROME) || !holdsStory(e);
    }

    private static boolean holdsStory(Element e) {
        int text = 0;
        int linked = 0;
        for (Element p : e.select("p")) {
            text += p.text().length();
            for (Element a : p.select("a")) linked += a.text().length();
        }
        return text > 400 && linked < text * 0.3;
    }

    private static boolean hasWord(Element e, Set<String> words) {
        String attrs = (e.className() + " " + e.id() + " " + e.attr("data-component") + " " + e.attr("itemprop"))
                .toLowerCase(Locale.ROOT);
        if (attrs.isBlank()) return false;
        for (String w : WORDS.split(attrs)) if (words.contains(w)) return true;
        if (words != CHROME) {
            // camel-cased and run-together class names: "articleStandfirst", "photocaption"
            for (String w : words) if (w.length() >= 7 && attrs.contains(w)) return true;
        }
        return false;
    }

    /** Lists of links (related stories, tag clouds, menus that escaped the markup tests). */
    private static boolean linkDense(Element e, String text) {
        int linked = 0;
        for (Element a : e.select("a")) linked += a.text().length();
        return linked > 0 && linked >= text.length() * 0.5;
    }

    private static void markUsed(Element e, Set<Element> used) {
        used.add(e);
        used.addAll(e.getAllElements());
    }

    private static boolean insideUsed(Element e, Set<Element> used) {
        for (Element p = e.parent(); p != null; p = p.parent()) if (used.contains(p)) return true;
        return false;
    }

    private static Element first(Elements es) {
        return es.isEmpty() ? null : es.first();
    }

    static String clean(String s) {
        return s.replace('\u00a0', ' ').replaceAll("[\\s\\p{Cf}]+", " ").strip();
    }

    private static String metaTitle(org.jsoup.nodes.Document page) {
        String og = page.select("meta[property=og:title]").attr("content");
        if (!og.isBlank()) return clean(og);
        String t = clean(page.title());
        return t.isEmpty() ? null : t;
    }

    // ---- publication date ----

    static LocalDate publishedDate(org.jsoup.nodes.Document page) {
        for (String q : List.of(
                "meta[property=article:published_time]",
                "meta[name=article:published_time]",
                "meta[itemprop=datePublished]",
                "meta[property=og:published_time]")) {
            LocalDate d = date(page.select(q).attr("content"));
            if (d != null) return d;
        }
        for (Element script : page.select("script[type=application/ld+json]")) {
            try {
                LocalDate d = jsonLdDate(JSON.readTree(script.data()));
                if (d != null) return d;
            } catch (Exception malformed) {
                // a broken JSON-LD block is common; the other sources may still know the date
            }
        }
        for (Element time : page.select("time[datetime][itemprop=datePublished], time[datetime][pubdate], "
                + "article time[datetime], time[datetime]")) {
            LocalDate d = date(time.attr("datetime"));
            if (d != null) return d;
        }
        for (String q : List.of(
                "meta[name=date]",
                "meta[name=pubdate]",
                "meta[name=publish-date]",
                "meta[name=dc.date]",
                "meta[name=DC.date.issued]",
                "meta[name=sailthru.date]",
                "meta[name=parsely-pub-date]")) {
            LocalDate d = date(page.select(q).attr("content"));
            if (d != null) return d;
        }
        return null;
    }

    private static LocalDate jsonLdDate(JsonNode node) {
        if (node == null) return null;
        if (node.isArray()) {
            for (JsonNode n : node) {
                LocalDate d = jsonLdDate(n);
                if (d != null) return d;
            }
            return null;
        }
        if (!node.isObject()) return null;
        if (node.hasNonNull("datePublished")) {
            LocalDate d = date(node.get("datePublished").asText());
            if (d != null) return d;
        }
        return jsonLdDate(node.get("@graph"));
    }

    /** A date from ISO-8601 text: "2014-03-24", "2014-03-24T10:00:00+03:00", "2014-03-24 10:00". */
    static LocalDate date(String s) {
        if (s == null) return null;
        s = s.strip();
        if (s.length() < 10) return null;
        try {
            return OffsetDateTime.parse(s).toLocalDate();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDate.parse(s.substring(0, 10));
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
