package org.sitrep.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyRendererTest {
    private final BodyRenderer renderer = new BodyRenderer();

    @Test
    void rendersMarkdownWithTablesAndLinks() {
        String html = renderer.toHtml("## Front lines\n\nFighting in **Zahraa**, see [map](/maps/aleppo) and "
                + "[source](https://example.org/a).\n\n| Town | Status |\n|---|---|\n| Hreitan | held |\n");
        assertThat(html)
                .contains("<h2>Front lines</h2>")
                .contains("<strong>Zahraa</strong>")
                .contains("<a href=\"/maps/aleppo\">map</a>")
                .contains("href=\"https://example.org/a\"")
                .contains("<table>")
                .contains("<th>Town</th>")
                .contains("<td>Hreitan</td>");
    }

    @Test
    void stripsScriptsFramesHandlersAndJavascriptLinks() {
        String html = renderer.toHtml(
                "Hello <script>alert(1)</script>\n\n"
                        + "<iframe src=\"https://evil.example/\"></iframe>\n\n"
                        + "<img src=\"https://example.org/x.png\" onerror=\"alert(2)\">\n\n"
                        + "[click](javascript:alert(3)) <a href=\"JaVaScRiPt:alert(4)\">x</a> "
                        + "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">d</a>\n\n"
                        + "<p style=\"background:url(javascript:alert(5))\" onclick=\"alert(6)\">styled</p>\n\n"
                        + "<svg onload=\"alert(7)\"><circle/></svg><object data=\"x.swf\"></object><form action=\"/x\"><input></form>");
        String lower = html.toLowerCase();
        assertThat(lower)
                .doesNotContain(
                        "<script",
                        "alert(1)",
                        "<iframe",
                        "onerror",
                        "javascript:",
                        "onclick",
                        "style=",
                        "<svg",
                        "onload",
                        "<object",
                        "<form",
                        "<input",
                        "data:text");
        assertThat(html)
                .contains("Hello")
                .contains("<img src=\"https://example.org/x.png\">")
                .contains("styled");
    }

    @Test
    void brokenMarkdownStillRendersSafely() {
        String html = renderer.toHtml(
                "**unclosed *emphasis [link](http://x.org \n\n<div><b>unclosed\n\n```\n<script>code</script>");
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;code&lt;/script&gt;");
        assertThat(renderer.toHtml(null)).isEmpty();
    }

    @Test
    void aPhotoShortcodeOnItsOwnLineBecomesAnEscapedFigure() {
        Photo photo = new Photo(
                7,
                "k7",
                "image/jpeg",
                2000,
                1000,
                "Rubble in <b>Homs</b>",
                "AFP/\"Name\"",
                null,
                java.util.List.of(),
                null,
                java.util.List.of(
                        new Photo.Rendition(320, 160, "k7-320.jpg"),
                        new Photo.Rendition(1024, 512, "k7-1024.jpg"),
                        new Photo.Rendition(1600, 800, "k7-1600.jpg")));
        BodyRenderer withLibrary =
                new BodyRenderer(ids -> ids.contains(7L) ? java.util.Map.of(7L, photo) : java.util.Map.of());
        String html = withLibrary.toHtml(
                "Intro [[photo:7]] inline stays text.\n\n[[photo:7]]\n\n[[photo:7|Typed &lt;script&gt;x&lt;/script&gt; caption]]\n\n[[photo:8]]");
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(html);
        assertThat(doc.select("figure.body-photo")).hasSize(2);
        assertThat(doc.selectFirst("figure img").attr("src")).isEqualTo("/media/k7-1024.jpg");
        assertThat(doc.selectFirst("figure img").attr("srcset"))
                .isEqualTo("/media/k7-320.jpg 320w, /media/k7-1024.jpg 1024w, /media/k7-1600.jpg 1600w");
        assertThat(doc.selectFirst("figure .caption").text()).isEqualTo("Rubble in <b>Homs</b>");
        assertThat(doc.selectFirst("figure .credit").text()).isEqualTo("Photo: AFP/\"Name\"");
        assertThat(doc.select("figure").get(1).selectFirst(".caption").text())
                .isEqualTo("Typed <script>x</script> caption");
        assertThat(doc.select("script, b")).isEmpty();
        assertThat(doc.select("p").eachText()).containsExactly("Intro [[photo:7]] inline stays text.", "[[photo:8]]");
        assertThat(renderer.toHtml("[[photo:7]]")).isEqualTo("<p>[[photo:7]]</p>"); // no library: left as typed
    }
}
