package org.sitrep.ingest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** The bounds on markup: real pages pass both steps; nesting beyond the bound is refused by each. */
class MarkupLimitsTest {
    private static final String TOO_DEEP =
            "HTML nested more than 256 elements deep is refused (it costs too much to clean)";

    @Test
    void realPagesAndSloppyMarkupPass() {
        for (String fixture :
                new String[] {"page-marib-offensive.html", "page-with-chrome.html", "hostile-page.html"}) {
            String html = Fixtures.text(fixture);
            assertThatCode(() -> MarkupLimits.checked(html)).as(fixture).doesNotThrowAnyException();
        }
        // Paragraphs, list items, cells and options left open, as old pages do: the HTML parser closes each,
        // and so does the quick pass, so a thousand of them are not a thousand levels.
        String sloppy = "<body><div>" + "<p>One more paragraph".repeat(1000) + "<ul>" + "<li>item".repeat(1000)
                + "</ul>"
                + "<table>" + "<tr><td>a<td>b".repeat(1000) + "</table><select>" + "<option>x".repeat(1000)
                + "</select>"
                + "<dl>" + "<dt>t<dd>d".repeat(500) + "</dl>" + "<br><img src=x><hr>".repeat(1000)
                + "<script>if (a<b) { document.write('<div><div><div>'); }</script>" + "<svg>" + "<g/>".repeat(1000)
                + "</svg></div>";
        assertThatCode(() -> MarkupLimits.checked(sloppy)).doesNotThrowAnyException();
    }

    @Test
    void nestingBeyondTheBoundIsRefusedByTheQuickPassAndByTheTree() {
        String deep = "<div>".repeat(300) + "text" + "</div>".repeat(300);
        assertThatThrownBy(() -> MarkupLimits.scan(deep))
                .isInstanceOf(BadInput.class)
                .hasMessage(TOO_DEEP);
        assertThatThrownBy(() -> MarkupLimits.check(Jsoup.parse(deep)))
                .isInstanceOf(BadInput.class)
                .hasMessage(TOO_DEEP);
        String balanced = ("<div>".repeat(200) + "text" + "</div>".repeat(200)).repeat(5);
        assertThatCode(() -> MarkupLimits.checked(balanced))
                .as("deep but within the bound, five times")
                .doesNotThrowAnyException();
        // In HTML a slash does not close a div: "<div/>" nests as "<div>" does, for the parser and the quick pass
        // alike.
        String slashed = "<div/>".repeat(300);
        assertThatThrownBy(() -> MarkupLimits.scan(slashed))
                .isInstanceOf(BadInput.class)
                .hasMessage(TOO_DEEP);
        assertThatThrownBy(() -> MarkupLimits.check(Jsoup.parse(slashed)))
                .isInstanceOf(BadInput.class)
                .hasMessage(TOO_DEEP);
        String many = "<span>x</span>".repeat(MarkupLimits.MAX_ELEMENTS + 1);
        assertThatThrownBy(() -> MarkupLimits.scan(many))
                .isInstanceOf(BadInput.class)
                .hasMessage("HTML with more than 100000 elements is refused (it costs too much to clean)");
    }

    @Test
    void deeplyNestedXmlIsRefusedByTheXmlParser() {
        String xml = "<?xml version=\"1.0\"?>" + "<a>".repeat(400) + "x" + "</a>".repeat(400);
        assertThatThrownBy(() -> SafeXml.parse(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining("malformed XML");
        String fine = "<?xml version=\"1.0\"?>" + "<a>".repeat(100) + "x" + "</a>".repeat(100);
        assertThatCode(() -> SafeXml.parse(fine.getBytes(StandardCharsets.UTF_8)))
                .doesNotThrowAnyException();
    }
}
