package org.sitrep.analysis.events;

/**
 * The learned slot for who is actor1 and who actor2 of an event: given the actors the finders named in the
 * event's sentence (and the rules' own choice), how likely each is to be actor1 and actor2.
 * {@link RuleBasedEventExtractor} takes a clear choice and keeps the rules' reading otherwise.
 */
public interface ActorRolePicker {
    /** No opinion: the rules alone pick the roles. */
    ActorRolePicker NONE = new ActorRolePicker() {
        @Override
        public double[][] score(RoleCandidates event) {
            return null;
        }

        @Override
        public String version() {
            return "";
        }
    };

    /** For each candidate in order, {probability it is actor1, probability it is actor2}; null for no opinion. */
    double[][] score(RoleCandidates event);

    /** Names the model: part of the engine's version ("" for none). */
    String version();
}
