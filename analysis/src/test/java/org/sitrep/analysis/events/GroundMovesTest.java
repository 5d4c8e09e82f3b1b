package org.sitrep.analysis.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sitrep.analysis.events.RuleBasedEventExtractorTest.events;

import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Event;

/** Base and outpost set-ups, ground incursions and pushes into districts are events of their ACLED sub-types. */
class GroundMovesTest {
    static final String BASE = "Headquarters or base established";

    @Test
    void aBaseOrPostSetUpIsHeadquartersOrBaseEstablished() {
        assertThat(events("The army set up a forward operating base near Mosul on Monday."))
                .extracting(Event::subType)
                .containsExactly(BASE);
        assertThat(events("Troops established new border posts near Afrin, the ministry said."))
                .extracting(Event::subType)
                .containsExactly(BASE);
    }

    @Test
    void aPostSetAblazeOrAttackedIsNoBaseSetUp() {
        assertThat(events("Rebels set fire to a police post in Idlib on Monday."))
                .extracting(Event::subType)
                .doesNotContain(BASE);
        assertThat(events("Rebels attacked a newly built outpost near Idlib on Monday."))
                .extracting(Event::subType)
                .doesNotContain(BASE)
                .contains("Armed clash");
        assertThat(events("The army's base near Mosul was quiet on Monday."))
                .extracting(Event::subType)
                .doesNotContain(BASE);
    }

    @Test
    void pushesIntoDistrictsAndGroundIncursionsAreClashes() {
        assertThat(events("Government forces pushed into the eastern districts of Aleppo on Monday."))
                .extracting(Event::subType)
                .containsExactly("Armed clash");
        assertThat(events("Rebels pushed deeper into Raqqa on Tuesday, a monitor said."))
                .extracting(Event::subType)
                .containsExactly("Armed clash");
        assertThat(events("The army began a ground operation in Douma on Monday."))
                .extracting(Event::subType)
                .containsExactly("Armed clash");
    }
}
