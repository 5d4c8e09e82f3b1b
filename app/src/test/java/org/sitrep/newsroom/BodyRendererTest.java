package org.sitrep.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyRendererTest {
    private final BodyRenderer renderer = new BodyRenderer();

    @Test
    void rendersMarkdownWithTablesAndLinks() {
        String html = renderer.toHtml("## Front lines\n\nFighting in **Zahraa**, see [map](/maps/aleppo) and "
                + "[source](https://example.org/a).\n\n| Town | Status |\n|---|---|\n| Hreitan | held |\n");
        assertThat(html).contains("<h2>Front lines</h2>").contains("<strong>Zahraa</strong>")
                .contains("<a href=\"/maps/aleppo\">map</a>").contains("href=\"https://example.org/a\"")
                .contains("<table>").contains("<th>Town</th>").contains("<td>Hreitan</td>");
    }

    @Test
    void stripsScriptsFramesHandlersAndJavascriptLinks() {
        String html = renderer.toHtml("Hello <script>alert(1)</script>\n\n"
                + "<iframe src=\"https://evil.example/\"></iframe>\n\n"
                + "<img src=\"https://example.org/x.png\" onerror=\"alert(2)\">\n\n"
                + "[click](javascript:alert(3)) <a href=\"JaVaScRiPt:alert(4)\">x</a> "
                + "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">d</a>\n\n"
                + "<p style=\"background:url(javascript:alert(5))\" onclick=\"alert(6)\">styled</p>\n\n"
                + "<svg onload=\"alert(7)\"><circle/></svg><object data=\"x.swf\"></object><form action=\"/x\"><input></form>");
        String lower = html.toLowerCase();
        assertThat(lower).doesNotContain("<script", "alert(1)", "<iframe", "onerror", "javascript:", "onclick",
                "style=", "<svg", "onload", "<object", "<form", "<input", "data:text");
        assertThat(html).contains("Hello").contains("<img src=\"https://example.org/x.png\">").contains("styled");
    }

    @Test
    void brokenMarkdownStillRendersSafely() {
        String html = renderer.toHtml("**unclosed *emphasis [link](http://x.org \n\n<div><b>unclosed\n\n```\n<script>code</script>");
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;code&lt;/script&gt;");
        assertThat(renderer.toHtml(null)).isEmpty();
    }
}
