package org.sitrep.paywall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a reader the paywall stops sees of a body: the opening paragraphs, whole, and nothing after. */
class BodyCutTest {
    static final String NOTE =
            "<p><em>Sample content written for the Sitrep software project to show how the site works — "
                    + "an illustration, not a news report.</em></p>";

    @Test
    void theOpeningIsTheFirstParagraphsWholeAndNothingAfter() {
        String cut = BodyCut.opening("<p>One <strong>bold</strong>.</p><p>Two.</p><p>THREE.</p>", false, 2);
        assertThat(cut).isEqualTo("<p>One <strong>bold</strong>.</p><p>Two.</p>");
    }

    @Test
    void aSamplePieceKeepsItsNoteAndStillShowsItsFirstParagraphs() {
        String body = NOTE + "<p>Opposition fighters have opened a new front.</p><p>The assault began before dawn.</p>"
                + "<h2>Who is fighting</h2><p>HIDDEN the attack brings together groups.</p>";
        String cut = BodyCut.opening(body, true, 2);
        assertThat(cut)
                .startsWith(NOTE)
                .contains("Opposition fighters have opened a new front.")
                .contains("The assault began before dawn.")
                .doesNotContain("Who is fighting")
                .doesNotContain("HIDDEN");
    }

    @Test
    void theNoteCountsOnlyInSamplesAndOnlyAtTheTop() {
        // An ordinary piece that opens with an emphasised paragraph: that paragraph is part of the piece.
        String body = "<p><em>Updated with casualty figures.</em></p><p>First.</p><p>HIDDEN second.</p>";
        assertThat(BodyCut.opening(body, false, 2)).contains("First.").doesNotContain("HIDDEN");
        // In a sample, an emphasised paragraph further down is a paragraph like any other.
        String sample = NOTE + "<p>First.</p><p><em>A quoted aside.</em></p><p>HIDDEN.</p>";
        assertThat(BodyCut.opening(sample, true, 2))
                .contains("First.")
                .contains("A quoted aside.")
                .doesNotContain("HIDDEN");
    }

    @Test
    void headingsOnTheWayAreKeptButAreNoTasteOfThePiece() {
        String body = "<h2>Background</h2><p>First.</p><h3>Detail</h3><p>Second.</p><p>HIDDEN third.</p>";
        assertThat(BodyCut.opening(body, false, 2))
                .isEqualTo("<h2>Background</h2><p>First.</p><h3>Detail</h3><p>Second.</p>");
    }

    @Test
    void emptyBlocksAndEmptyBodiesGiveNothing() {
        assertThat(BodyCut.opening(null, true, 2)).isEmpty();
        assertThat(BodyCut.opening("  ", false, 2)).isEmpty();
        assertThat(BodyCut.opening("<p> </p><p>First.</p><div></div><p>Second.</p><p>HIDDEN.</p>", false, 2))
                .isEqualTo("<p>First.</p><p>Second.</p>");
        assertThat(BodyCut.opening(
                        "<p>First.</p><p><img src=\"/media/x.jpg\" alt=\"Map\"></p><p>HIDDEN.</p>", false, 2))
                .contains("x.jpg")
                .doesNotContain("HIDDEN");
    }
}
