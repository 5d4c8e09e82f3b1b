package org.sitrep.analysis.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.analysis.events.RuleBasedEventExtractorTest.events;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Event;
import org.sitrep.analysis.text.CleanText;

/** Headlines, bylines, captions, tag lines and "what to watch" lists give no event the body does not tell. */
class PageFurnitureTest {

    @Test
    void aHeadlineTheBodyDoesNotBearOutIsNoEvent() {
        assertThat(
                        events(
                                "Rebels attack army post in Idlib\n\nThe foreign minister visited Baghdad on Monday to discuss trade."))
                .isEmpty();
        assertThat(
                        events(
                                "Will rebels attack Aleppo?\n\nThe foreign minister visited Baghdad on Monday to discuss trade."))
                .isEmpty();
    }

    @Test
    void aHeadlineTheBodyTellsIsOneEvent() {
        List<Event> es = events(
                "Rebels attack army post in Idlib\n\nRebels attacked an army post in Idlib on Monday, a monitor said.");
        assertThat(es).hasSize(1);
        assertThat(es.get(0).evidence().sentence()).startsWith("Rebels attacked");
    }

    @Test
    void tagLinesBylinesAndCaptionsAreNotEvents() {
        List<Event> es = events(
                "Government forces shelled Douma on Monday, killing four.\n\nTags: POLITICS CIVIL UNREST RIOT PROTEST CLASHES");
        assertThat(es).extracting(Event::subType).containsExactly("Shelling/artillery/missile attack");
        assertThat(
                        events(
                                "The governor said the market in Mosul reopened on Sunday.\n\nTROOPS CLASH WITH REBELS IN MOSUL ATTACK"))
                .isEmpty();
        assertThat(
                        events(
                                "Troops patrol after clashes in Mosul. (Photo: agency)\n\nThe governor said the market reopened on Sunday."))
                .isEmpty();
    }

    @Test
    void aWhatToWatchListIsNoEvent() {
        String text = "What to watch:\n\n- whether rebels attack Aleppo\n- air strikes on Idlib\n\n"
                + "The UN envoy met both delegations in Geneva on Monday.";
        assertThat(events(text)).isEmpty();
    }

    @Test
    void aTextThatIsAllHeadlineIsStillRead() {
        assertThat(events("Rebels attack army post in Idlib")).hasSize(1);
    }

    @Test
    void theFurnitureOfEachSentence() {
        String text = "Rebels seize Tikrit\n\nBy Amina Diallo\n\nMilitants stormed Tikrit on Wednesday, he said.\n\n"
                + "Keywords: Iraq, Tikrit";
        CleanText clean = TestTexts.clean(text);
        boolean[] f = PageFurniture.of(text, clean.sentences());
        assertThat(clean.sentences()).hasSize(f.length);
        assertThat(f).containsExactly(true, true, false, true);
        CleanText alone = TestTexts.clean("Rebels seize Tikrit");
        assertThat(PageFurniture.of("Rebels seize Tikrit", alone.sentences())).containsExactly(false);
    }
}
