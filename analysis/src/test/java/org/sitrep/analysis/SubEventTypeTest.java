package org.sitrep.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.evaluation.AcledTaxonomy;

class SubEventTypeTest {

    @Test
    void acledHasSixTypesAndTwentyFiveSubTypes() {
        assertThat(Arrays.stream(EventType.values()).filter(EventType::isEvent)).hasSize(6);
        assertThat(Arrays.stream(SubEventType.values()).filter(SubEventType::isEvent))
                .hasSize(25);
        assertThat(SubEventType.of(EventType.STRATEGIC_DEVELOPMENTS)).hasSize(8);
        assertThat(SubEventType.of(EventType.EXPLOSIONS_REMOTE_VIOLENCE)).hasSize(6);
        assertThat(SubEventType.of(EventType.NONE))
                .extracting(SubEventType::label)
                .containsExactly(
                        "Natural disaster",
                        "Accident",
                        "Diplomacy",
                        "Crime",
                        "Claim",
                        "Background",
                        "Headline or caption");
    }

    @Test
    void looksUpByAcledSpellingOnly() {
        assertThat(SubEventType.of("Air/drone strike")).contains(SubEventType.AIR_DRONE_STRIKE);
        assertThat(SubEventType.of("Explosions/Remote violence", "Air/drone strike"))
                .contains(SubEventType.AIR_DRONE_STRIKE);
        assertThat(SubEventType.of("Battles", "Air/drone strike")).isEmpty();
        assertThat(SubEventType.of("air/drone strike")).isEmpty();
        assertThat(SubEventType.of("Airstrike")).isEmpty();
        assertThat(EventType.of("Riots")).contains(EventType.RIOTS);
        assertThat(EventType.of("Riot")).isEmpty();
    }

    @Test
    void theReviewFormsTaxonomyListsEventsOnly() {
        assertThat(AcledTaxonomy.all())
                .containsOnlyKeys(
                        "Battles",
                        "Explosions/Remote violence",
                        "Violence against civilians",
                        "Protests",
                        "Riots",
                        "Strategic developments");
        assertThat(AcledTaxonomy.valid("Violence against civilians", "Attack")).isTrue();
        assertThat(AcledTaxonomy.valid("Battles", "Attack")).isFalse();
        assertThat(AcledTaxonomy.valid("None", "Crime")).isFalse();
        assertThat(AcledTaxonomy.valid(null, "Attack")).isFalse();
    }
}
