package org.sitrep.analysis.evaluation;

import java.time.LocalDate;
import java.util.List;

/** What a careful human coder found in one text. */
public record Gold(List<GoldPlace> places, List<GoldActor> actors, List<GoldDate> dates, List<GoldEvent> events) {

    /**
     * A place named in the text. Which words: {@code text} everywhere it occurs as a whole word
     * (except inside another gold mention), or only its {@code occurrence}-th occurrence (1-based),
     * or only the occurrence inside the unique phrase {@code context}.
     */
    public record GoldPlace(
            String text,
            Integer occurrence,
            String context,
            String name,
            double lat,
            double lon,
            String country,
            String precision) {}

    /** An actor named in the text, under the dictionary's canonical name. */
    public record GoldActor(String text, String canonical, String kind, String side) {}

    /** A time expression and the range it resolves to against the publication date. */
    public record GoldDate(String text, Integer occurrence, String context, LocalDate earliest, LocalDate latest) {}

    /**
     * One distinct action. {@code place} is the gold name of one of the text's gold places (or null);
     * {@code evidence} a unique substring of the sentence that reports it; {@code alsoEvidence}
     * substrings of other sentences that report the same action again (a headline, a recap): an
     * engine that merges the mentions may cite any of them.
     */
    public record GoldEvent(
            String type,
            String subType,
            String actor1,
            String actor2,
            String place,
            LocalDate earliest,
            LocalDate latest,
            String evidence,
            List<String> alsoEvidence) {
        public GoldEvent {
            alsoEvidence = alsoEvidence == null ? List.of() : List.copyOf(alsoEvidence);
        }

        public GoldEvent(
                String type,
                String subType,
                String actor1,
                String actor2,
                String place,
                LocalDate earliest,
                LocalDate latest,
                String evidence) {
            this(type, subType, actor1, actor2, place, earliest, latest, evidence, List.of());
        }
    }
}
