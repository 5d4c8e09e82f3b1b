package org.sitrep.analysis.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sitrep.analysis.SubEventType;

class TriggerLexiconTest {

    @Test
    void theShippedLexiconLoads() {
        TriggerLexicon lex = TriggerLexicon.load();
        String[] stems = {TriggerLexicon.stem("shelled")};
        assertThat(lex.triggersAt(stems, 0))
                .extracting(TriggerLexicon.Trigger::kind)
                .contains(SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK);
    }

    @Test
    void aRowReadsIntoItsSubTypeAndFlags() {
        TriggerLexicon.Trigger t = TriggerLexicon.trigger(
                new String[] {"overrun", "Battles", "Non-state actor overtakes territory", "territory,verb"});
        assertThat(t.kind()).isEqualTo(SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY);
        assertThat(t.has("territory")).isTrue();
        assertThat(TriggerLexicon.trigger(new String[] {"attack helicopter", "-", "-", ""})
                        .noAction())
                .isTrue();
    }

    @Test
    void aMistypedFlagStopsTheLoadWithTheRowNamed() {
        assertThatThrownBy(() -> TriggerLexicon.trigger(new String[] {
                    "shell", "Explosions/Remote violence", "Shelling/artillery/missile attack", "wepon"
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wepon")
                .hasMessageContaining("shell");
    }

    @Test
    void aMisspelledOrMisplacedSubTypeStopsTheLoad() {
        assertThatThrownBy(() ->
                        TriggerLexicon.trigger(new String[] {"shell", "Explosions/Remote violence", "Shelling", ""}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Shelling");
        assertThatThrownBy(() -> TriggerLexicon.trigger(new String[] {"shell", "Battles", "Air/drone strike", ""}))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TriggerLexicon.trigger(new String[] {"quake", "None", "Natural disaster", ""}))
                .isInstanceOf(IllegalStateException.class);
    }
}
