package org.sitrep.analysis.training;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import opennlp.tools.ml.model.Event;
import org.sitrep.analysis.Actor;
import org.sitrep.analysis.Analysis;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.Document;
import org.sitrep.analysis.Span;
import org.sitrep.analysis.events.ActorRolePicker;
import org.sitrep.analysis.events.EventClassifier;
import org.sitrep.analysis.events.LearnedActorRolePicker;
import org.sitrep.analysis.events.RoleCandidates;

/**
 * Trains the actor-role picker from the actor labels of the corpus, in pure Java: each event passage goes
 * through the engine (with the event classifier the role model will sit beside, and the rules' roles), and
 * every actor that could fill a role of an event found there becomes one example: actor1 when the finders
 * named it on the words the passage's actor1 label gives, actor2 likewise, else neither. OpenNLP's maxent
 * trainer (GIS, Gaussian smoothing, fixed iterations, one thread) fits the model; passages are sorted by id
 * first, so the same corpus gives the same bytes.
 */
public final class RoleModelTrainer {
    static final int ITERATIONS = 150;
    static final double SIGMA = 1.0;
    private static final LocalDate ANCHOR = LocalDate.of(2026, 1, 1);

    private final Recorder recorder = new Recorder();
    private final Analyzer engine;

    /** A trainer reading passages with this event classifier in the engine (the one the role model will serve). */
    public RoleModelTrainer(EventClassifier classifier) {
        this.engine = Analyzer.builder()
                .eventClassifier(classifier)
                .actorRolePicker(recorder)
                .build();
    }

    /** The role examples of one passage: none for a non-event, or when the finders named no labelled actor. */
    public synchronized List<Event> examples(Passage p) {
        if (!p.label().isEvent() || p.actor1() == null && p.actor2() == null) return List.of();
        recorder.seen.clear();
        Analysis a = engine.analyze(Document.text(p.text(), ANCHOR));
        String actor1 = canonicalOn(a, p.actor1());
        String actor2 = canonicalOn(a, p.actor2());
        if (actor1 == null && actor2 == null) return List.of();
        List<Event> out = new ArrayList<>();
        for (RoleCandidates event : recorder.seen) {
            for (RoleCandidates.Named n : event.candidates()) {
                String c = n.actor().canonical();
                String outcome = c.equals(actor1)
                        ? LearnedActorRolePicker.ACTOR1
                        : c.equals(actor2) ? LearnedActorRolePicker.ACTOR2 : LearnedActorRolePicker.NEITHER;
                out.add(new Event(outcome, n.features()));
            }
        }
        return out;
    }

    /** A model trained on these passages, as the bytes {@link LearnedActorRolePicker#of(byte[])} reads. */
    public byte[] train(List<Passage> passages) {
        List<Passage> sorted = new ArrayList<>(passages);
        sorted.sort(Comparator.comparing(Passage::id));
        List<Event> events = new ArrayList<>();
        for (Passage p : sorted) events.addAll(examples(p));
        return fit(events);
    }

    /** A model fitted to these examples (in this order). */
    public static byte[] fit(List<Event> examples) {
        if (examples.isEmpty()) throw new IllegalArgumentException("no role examples: no passage names its actors");
        return MaxentFit.fit(examples, ITERATIONS, SIGMA, "actor-role model");
    }

    /** The actor the finders named on the first occurrence of these words, as {@link PassageEvaluation} scores it. */
    private static String canonicalOn(Analysis a, String words) {
        if (words == null) return null;
        int at = a.text().indexOf(words);
        if (at < 0) return null;
        int end = at + words.length();
        for (Actor actor : a.actors()) {
            if (actor.mentions() == null) continue;
            for (Span m : actor.mentions()) if (m.start() < end && at < m.end()) return actor.canonical();
        }
        return null;
    }

    /** Sits in the role slot while training: notes each event's candidates, never changes the rules' roles. */
    private static final class Recorder implements ActorRolePicker {
        final List<RoleCandidates> seen = new ArrayList<>();

        @Override
        public double[][] score(RoleCandidates event) {
            seen.add(event);
            return null;
        }

        @Override
        public String version() {
            return "";
        }
    }
}
