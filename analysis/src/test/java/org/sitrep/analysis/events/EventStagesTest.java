package org.sitrep.analysis.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.ActorKind;
import org.sitrep.analysis.Evidence;
import org.sitrep.analysis.Place;
import org.sitrep.analysis.Precision;
import org.sitrep.analysis.Span;
import org.sitrep.analysis.SubEventType;
import org.sitrep.analysis.text.Sentence;

/** Each stage of the rule engine on its own: modality, role labelling, sub-type rules, merging, places. */
class EventStagesTest {
    static final TriggerLexicon LEX = TriggerLexicon.load();
    static final WordClasses WORDS = new WordClasses(LEX);

    static List<Tok> toks(String text) {
        return SentenceText.tokens(text, new Sentence(0, 0, text.length(), text, null));
    }

    static String[] stems(List<Tok> toks) {
        return toks.stream().map(Tok::stem).toArray(String[]::new);
    }

    static int at(List<Tok> toks, String word) {
        for (int i = 0; i < toks.size(); i++) if (toks.get(i).text().equals(word)) return i;
        throw new AssertionError(word);
    }

    static Actor actor(String name, ActorKind kind) {
        return new Actor(name, name, kind, null, null, List.of());
    }

    /** Actor spans over the tokens that spell each name. */
    static List<ActorSpan> spans(List<Tok> toks, Actor... actors) {
        List<ActorSpan> out = new ArrayList<>();
        for (Actor a : actors) {
            String[] words = a.name().split(" ");
            for (int i = 0; i + words.length <= toks.size(); i++) {
                boolean match = true;
                for (int k = 0; k < words.length; k++)
                    match &= toks.get(i + k).text().equals(words[k]);
                if (match) out.add(new ActorSpan(i, i + words.length, a));
            }
        }
        out.sort(java.util.Comparator.comparingInt(ActorSpan::from));
        return out;
    }

    @Test
    void modalityCancelsThreatsAndNegationsAndLowersHedges() {
        Modality m = new Modality(LEX);
        List<Tok> plain = toks("Rebels attacked the base");
        assertThat(m.cueFactor(plain, stems(plain), at(plain, "attacked"))).isEqualTo(1.0);
        List<Tok> threat = toks("Rebels threatened to attack the base");
        assertThat(m.cueFactor(threat, stems(threat), at(threat, "attack"))).isZero();
        List<Tok> denied = toks("Rebels didn't attack the base");
        assertThat(m.cueFactor(denied, stems(denied), at(denied, "attack"))).isZero();
        List<Tok> attempted = toks("Rebels attempted to storm the base");
        assertThat(m.cueFactor(attempted, stems(attempted), at(attempted, "storm")))
                .isBetween(0.01, 0.99);
        assertThat(m.sentenceWideFactor(stems(toks("Rebels reportedly attacked the base"))))
                .isBetween(0.01, 0.99);
        assertThat(m.sentenceWideFactor(stems(plain))).isEqualTo(1.0);
    }

    @Test
    void rolesComeFromActivePassiveAndBetween() {
        RoleLabeller r = new RoleLabeller(LEX, WORDS);
        Actor rebels = actor("rebels", ActorKind.REBEL_GROUP);
        Actor army = actor("the army", ActorKind.STATE_FORCES);
        List<Tok> active = toks("rebels attacked the army near the town");
        int i = at(active, "attacked");
        ActorSpan[] roles = r.roles(active, stems(active), i, i + 1, spans(active, rebels, army));
        assertThat(roles[0].actor()).isEqualTo(rebels);
        assertThat(roles[1].actor()).isEqualTo(army);
        List<Tok> passive = toks("the army was attacked by rebels near the town");
        i = at(passive, "attacked");
        roles = r.roles(passive, stems(passive), i, i + 1, spans(passive, rebels, army));
        assertThat(roles[0].actor()).isEqualTo(rebels);
        assertThat(roles[1].actor()).isEqualTo(army);
        List<Tok> between = toks("clashes between the army and rebels continued");
        i = at(between, "clashes");
        roles = r.roles(between, stems(between), i, i + 1, spans(between, rebels, army));
        assertThat(roles[0].actor()).isEqualTo(army);
        assertThat(roles[1].actor()).isEqualTo(rebels);
    }

    @Test
    void subTypeRulesCodeWhoTookATownAndKeepCiviliansAsTargets() {
        Candidate c = new Candidate();
        c.kind = SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY;
        c.agent = actor("the army", ActorKind.STATE_FORCES);
        SubTypeRules.relabel(c, SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY);
        assertThat(c.kind).isEqualTo(SubEventType.GOVERNMENT_REGAINS_TERRITORY);

        Candidate attack = new Candidate();
        attack.kind = SubEventType.ARMED_CLASH;
        attack.agent = actor("villagers", ActorKind.CIVILIANS);
        SubTypeRules.civiliansAreNotAgents(attack);
        assertThat(attack.agent).isNull();
        assertThat(attack.target.name()).isEqualTo("villagers");
    }

    @Test
    void oneActionToldTwiceMergesAndTwoActionsDoNot() {
        Actor rebels = actor("rebels", ActorKind.REBEL_GROUP);
        Actor army = actor("the army", ActorKind.STATE_FORCES);
        Candidate first = candidate(SubEventType.ARMED_CLASH, rebels, army, 0, "fighting");
        Candidate again = candidate(SubEventType.ARMED_CLASH, rebels, null, 100, "clashes");
        Candidate other = candidate(SubEventType.AIR_DRONE_STRIKE, army, null, 200, "air strike");
        List<Candidate> merged = EventMerger.merge(List.of(first, again, other));
        assertThat(merged).hasSize(2);
        assertThat(merged.get(0).target).isEqualTo(army);
        assertThat(merged.get(1).kind).isEqualTo(SubEventType.AIR_DRONE_STRIKE);
    }

    @Test
    void theDatelineIsAPlaceOpeningALineBeforeAnAgencyOrDash() {
        String text = "ALEPPO (Agency) - Shelling hit a market in Aleppo.";
        Place aleppo = new Place(
                "Aleppo",
                "Aleppo",
                36.2,
                37.1,
                "SY",
                null,
                "PPL",
                1,
                Precision.CITY,
                List.of(new Span(0, 6), new Span(43, 49)));
        assertThat(PlaceAndDate.dateline(text, List.of(aleppo))).isEqualTo(aleppo);
        assertThat(PlaceAndDate.dateline(
                        "Shelling hit Aleppo - again.",
                        List.of(new Place(
                                "Aleppo",
                                "Aleppo",
                                36.2,
                                37.1,
                                "SY",
                                null,
                                "PPL",
                                1,
                                Precision.CITY,
                                List.of(new Span(13, 19))))))
                .isNull();
    }

    static Candidate candidate(SubEventType kind, Actor agent, Actor target, int at, String trigger) {
        Candidate c = new Candidate();
        c.kind = kind;
        c.agent = agent;
        c.target = target;
        c.trigger = trigger;
        c.triggerStart = at;
        c.evidence = new Evidence(trigger, at, at + trigger.length());
        c.confidence = 0.8;
        return c;
    }
}
