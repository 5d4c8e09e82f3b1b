package org.sitrep.analysis.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.Document;
import org.sitrep.analysis.Event;
import org.sitrep.analysis.events.ActorRolePicker;
import org.sitrep.analysis.events.EventClassifier;
import org.sitrep.analysis.events.LearnedActorRolePicker;
import org.sitrep.analysis.events.LearnedEventClassifier;
import org.sitrep.analysis.events.RoleCandidates;

/** The learned actor-role picker: the model the build ships, training that repeats itself, the slot's decisions. */
class ActorRolePickerTest {
    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final String PASSIVE = "An army patrol was ambushed by rebels near Idlib on Monday, a monitor said.";

    @Test
    void theBuildShipsARoleModelAndTheEngineNamesItInItsVersion() {
        LearnedActorRolePicker bundled = LearnedActorRolePicker.bundled().orElseThrow();
        assertThat(bundled.version()).matches("ar-[0-9a-f]{10}");
        String version = Analyzer.create().engineVersion();
        assertThat(version)
                .endsWith("+" + LearnedEventClassifier.bundled().orElseThrow().version() + "+" + bundled.version());
        assertThat(Analyzer.builder()
                        .eventClassifier(EventClassifier.NONE)
                        .build()
                        .engineVersion())
                .doesNotContain("+ar-");
        assertThat(Analyzer.builder()
                        .actorRolePicker(ActorRolePicker.NONE)
                        .build()
                        .engineVersion())
                .doesNotContain("+ar-");
    }

    @Test
    void theSameCorpusGivesTheSameModelAndTheExamplesComeFromTheActorLabels() {
        RoleModelTrainer trainer = new RoleModelTrainer(EventClassifier.NONE);
        List<Passage> some = sample();
        byte[] once = trainer.train(some);
        List<Passage> shuffled = new ArrayList<>(some);
        shuffled.sort(Comparator.comparing(Passage::text).reversed());
        assertThat(trainer.train(shuffled)).isEqualTo(once);
        Passage p = new Passage(
                "t-1", PASSIVE, org.sitrep.analysis.SubEventType.ARMED_CLASH, "rebels", "army", "SY", "wire", "test");
        List<opennlp.tools.ml.model.Event> examples = trainer.examples(p);
        assertThat(examples)
                .extracting(opennlp.tools.ml.model.Event::getOutcome)
                .contains(LearnedActorRolePicker.ACTOR1, LearnedActorRolePicker.ACTOR2);
        Passage noEvent = new Passage(
                "t-2",
                "Floods hit the town on Monday.",
                org.sitrep.analysis.SubEventType.NATURAL_DISASTER,
                null,
                null,
                "SY",
                "wire",
                "test");
        assertThat(trainer.examples(noEvent)).isEmpty();
        assertThatThrownBy(() -> RoleModelTrainer.fit(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LearnedActorRolePicker.of("not a model".getBytes()))
                .hasMessageStartingWith("not an actor-role model");
    }

    @Test
    void theRoleFeaturesSayWhereEachActorStandsAndWhatTheRulesMadeOfIt() {
        List<RoleCandidates> seen = new ArrayList<>();
        ActorRolePicker recorder = recorder(seen);
        Analyzer.builder()
                .eventClassifier(EventClassifier.NONE)
                .actorRolePicker(recorder)
                .build()
                .analyze(Document.text(PASSIVE, DAY));
        assertThat(seen).isNotEmpty();
        RoleCandidates.Named rebels = seen.get(0).candidates().stream()
                .filter(n -> n.actor().name().toLowerCase().contains("rebel"))
                .findFirst()
                .orElseThrow();
        assertThat(rebels.ruleRole()).isEqualTo("actor1");
        assertThat(rebels.features()).contains("side=after", "sv=after_passive", "p=by", "r=actor1");
    }

    @Test
    void aLikelyChoiceReplacesTheRulesAndAnUnlikelyOneDoesNot() {
        String text = "Rebels attacked an army post near Idlib on Monday, a monitor said.";
        Event rules = only(ActorRolePicker.NONE, text);
        assertThat(rules.actor1()).containsIgnoringCase("rebel");
        // a picker sure that the second actor named did it, and the first suffered it
        Event swapped = only(picking(0.9), text);
        assertThat(swapped.actor1()).isEqualTo(rules.actor2());
        assertThat(swapped.actor2()).isEqualTo(rules.actor1());
        Event kept = only(picking(0.1), text);
        assertThat(kept.actor1()).isEqualTo(rules.actor1());
        assertThat(kept.actor2()).isEqualTo(rules.actor2());
    }

    @Test
    void theBundledModelKeepsTheActorOfAnActiveVerb() {
        // a known weakness is left out on purpose: with a state force as the target of a passive ("an army patrol
        // was ambushed by rebels") the model still prefers the state force as actor1 (docs/analysis/learned-stage.md)
        Event active = Analyzer.create()
                .analyze(Document.text("Rebels ambushed an army patrol near Idlib on Monday.", DAY))
                .events()
                .get(0);
        assertThat(active.actor1()).containsIgnoringCase("rebel");
        assertThat(active.actor2()).isNotNull().doesNotContainIgnoringCase("rebel");
    }

    private static Event only(ActorRolePicker picker, String text) {
        Analysis a = Analyzer.builder()
                .eventClassifier(EventClassifier.NONE)
                .actorRolePicker(picker)
                .build()
                .analyze(Document.text(text, DAY));
        assertThat(a.events()).hasSize(1);
        return a.events().get(0);
    }

    /** Scores the last candidate named as actor1 and the first as actor2, with this probability. */
    private static ActorRolePicker picking(double p) {
        return new ActorRolePicker() {
            @Override
            public double[][] score(RoleCandidates event) {
                double[][] out = new double[event.size()][2];
                out[event.size() - 1][0] = p;
                out[0][1] = p;
                return out;
            }

            @Override
            public String version() {
                return "test";
            }
        };
    }

    private static ActorRolePicker recorder(List<RoleCandidates> seen) {
        return new ActorRolePicker() {
            @Override
            public double[][] score(RoleCandidates event) {
                seen.add(event);
                return null;
            }

            @Override
            public String version() {
                return "";
            }
        };
    }

    /** A few event passages with both actors labelled. */
    private static List<Passage> sample() {
        List<Passage> out = new ArrayList<>();
        for (Passage p : TrainingCorpus.load(Path.of("corpus/train")).passages()) {
            if (p.label().isEvent() && p.actor1() != null && p.actor2() != null && out.size() < 40) out.add(p);
        }
        return out;
    }
}
