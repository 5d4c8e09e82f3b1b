package org.sitrep.analysis.training;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import opennlp.tools.ml.model.Event;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.Document;
import org.sitrep.analysis.events.EventClassifier;
import org.sitrep.analysis.events.LearnedEventClassifier;
import org.sitrep.analysis.events.SentenceSignals;

/**
 * Trains the learned event classifier from labelled passages, in pure Java: each passage goes through
 * the engine with the rules alone (places, actors, triggers, modality), and what the rules saw becomes
 * its features ({@link SentenceSignals#features()}) beside its words; OpenNLP's maxent trainer (GIS with
 * Gaussian smoothing, fixed iterations, one thread) fits the model. Passages are sorted by id first, so
 * the same corpus always gives the same model bytes and the same version.
 */
public final class EventModelTrainer {
    static final int ITERATIONS = 200;
    static final double SIGMA = 1.0;
    /** Relative dates in passages resolve against a fixed day, so a rebuild next year gives the same model. */
    private static final LocalDate ANCHOR = LocalDate.of(2026, 1, 1);

    private final Recorder recorder = new Recorder();
    private final Analyzer rules;

    public EventModelTrainer() {
        this.rules = Analyzer.builder().eventClassifier(recorder).build();
    }

    /** What the rules see in a passage, all its sentences read as one. */
    public synchronized SentenceSignals signals(String text) {
        recorder.seen.clear();
        rules.analyze(Document.text(text, ANCHOR));
        return SentenceSignals.merge(List.copyOf(recorder.seen));
    }

    /** A model trained on these passages, as the bytes {@link LearnedEventClassifier#of(byte[])} reads. */
    public byte[] train(List<Passage> passages) {
        List<Passage> sorted = new ArrayList<>(passages);
        sorted.sort(Comparator.comparing(Passage::id));
        List<Event> events = new ArrayList<>(sorted.size());
        for (Passage p : sorted)
            events.add(new Event(p.label().name(), signals(p.text()).features()));
        return MaxentFit.fit(events, ITERATIONS, SIGMA, "event model");
    }

    /** Sits in the learned slot while training: notes what the rules saw, never changes their verdict. */
    private static final class Recorder implements EventClassifier {
        final List<SentenceSignals> seen = new ArrayList<>();

        @Override
        public Verdict classify(SentenceSignals sentence) {
            seen.add(sentence);
            return null;
        }

        @Override
        public String version() {
            return "";
        }
    }
}
