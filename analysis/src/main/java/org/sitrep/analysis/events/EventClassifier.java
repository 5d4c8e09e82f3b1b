package org.sitrep.analysis.events;

import org.sitrep.analysis.SubEventType;

/**
 * The learned slot of the event stage: given what the rules saw in a sentence ({@link SentenceSignals}),
 * how likely each ACLED sub-type and each kind of non-event is. {@link RuleBasedEventExtractor} lets a
 * clear verdict decide the sub-type and whether there is an event at all, and keeps its own reading
 * (roles, place, date, evidence) and its own sub-type when the verdict is not clear.
 */
public interface EventClassifier {
    /** No opinion on anything: the rules alone. */
    EventClassifier NONE = new EventClassifier() {
        @Override
        public Verdict classify(SentenceSignals sentence) {
            return null;
        }

        @Override
        public String version() {
            return "";
        }
    };

    /** The probability of every label, or null for no opinion. */
    Verdict classify(SentenceSignals sentence);

    /** Names the model: part of the engine's version ("" for none). */
    String version();

    /** Probabilities indexed by {@link SubEventType#ordinal()}, summing to 1. */
    record Verdict(double[] probabilities) {
        public double of(SubEventType label) {
            return probabilities[label.ordinal()];
        }

        /** That there is no event at all: every non-event category together. */
        public double noEvent() {
            double sum = 0;
            for (SubEventType s : SubEventType.values()) if (!s.isEvent()) sum += probabilities[s.ordinal()];
            return sum;
        }

        /** The likeliest event sub-type (never a non-event category). */
        public SubEventType bestEvent() {
            SubEventType best = null;
            for (SubEventType s : SubEventType.values()) {
                if (s.isEvent() && (best == null || of(s) > of(best))) best = s;
            }
            return best;
        }

        /** The likeliest label of all. */
        public SubEventType best() {
            SubEventType best = SubEventType.values()[0];
            for (SubEventType s : SubEventType.values()) if (of(s) > of(best)) best = s;
            return best;
        }
    }
}
