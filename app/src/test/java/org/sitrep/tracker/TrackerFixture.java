package org.sitrep.tracker;

import java.time.LocalDate;
import org.sitrep.testsupport.TestEvents;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The events the tracker tests look at: four shown by default (one without a place), one rejected, one hostile. */
final class TrackerFixture {
    static final String ALEPPO_SENTENCE =
            "Fighters of the Northern Brigade clashed with government forces in Aleppo on Monday.";
    static final String HOSTILE_SENTENCE =
            "Witnesses said <img src=x onerror=\"window.pwned=1\"> a drone struck <script>window.pwned=2</script> Damascus.";
    static final String HOSTILE_TITLE =
            "<script>window.pwned=3</script>Drone strike <img src=x onerror=\"window.pwned=4\">";
    static final long ALEPPO = 170063, DAMASCUS = 170654, BAGHDAD = 98182, IDLIB = 169389;

    /** For tests that add events of their own (one instance: it numbers the documents' source ids). */
    final TestEvents events;

    long aleppoEvent, hostileEvent, baghdadEvent, unplacedEvent, rejectedEvent;

    TrackerFixture(JdbcClient jdbc) {
        events = new TestEvents(jdbc);
        long aleppoDoc = events.document(
                "Clashes in Aleppo",
                "Wire A",
                LocalDate.of(2026, 3, 3),
                "Opening paragraph about the week.\n\n" + ALEPPO_SENTENCE
                        + " Residents fled west.\n\nClosing paragraph.");
        aleppoEvent = events.event(
                aleppoDoc,
                TestEvents.battle(LocalDate.of(2026, 3, 2))
                        .actors("Northern Brigade", "Government forces")
                        .at("Aleppo", "SY", "Aleppo", 36.2021, 37.1343, ALEPPO)
                        .dateText("on Monday")
                        .evidence(ALEPPO_SENTENCE, "clashed")
                        .confidence(0.9));
        unplacedEvent = events.event(
                aleppoDoc,
                TestEvents.spec("Strategic developments", "Agreement", LocalDate.of(2026, 3, 3))
                        .actors("Northern Brigade", null)
                        .evidence("Residents fled west.", "fled")
                        .confidence(0.5));

        long hostileDoc = events.document(
                HOSTILE_TITLE,
                "Wire B",
                LocalDate.of(2026, 3, 20),
                "Before the strike. " + HOSTILE_SENTENCE + " After the strike.");
        hostileEvent = events.event(
                hostileDoc,
                TestEvents.spec("Explosions/Remote violence", "Air/drone strike", LocalDate.of(2026, 3, 20))
                        .actors("<b>Unknown</b> drone operator", null)
                        .at("Damascus", "SY", "Damascus", 33.5102, 36.2913, DAMASCUS)
                        .evidence(HOSTILE_SENTENCE, "struck")
                        .confidence(0.7));

        long baghdadDoc = events.document(
                "Protest in Baghdad",
                "Wire A",
                LocalDate.of(2026, 4, 10),
                "Hundreds of students protested in Baghdad against power cuts.");
        baghdadEvent = events.event(
                baghdadDoc,
                TestEvents.spec("Protests", "Peaceful protest", LocalDate.of(2026, 4, 10))
                        .actors("Students", null)
                        .at("Baghdad", "IQ", "Baghdad", 33.3406, 44.4009, BAGHDAD)
                        .evidence("Hundreds of students protested in Baghdad against power cuts.", "protested")
                        .state("confirmed"));

        long idlibDoc = events.document(
                "Shelling near Idlib", "Wire C", LocalDate.of(2026, 3, 10), "Artillery shelled villages near Idlib.");
        rejectedEvent = events.event(
                idlibDoc,
                TestEvents.battle(LocalDate.of(2026, 3, 10))
                        .actors("Government forces", null)
                        .at("Idlib", "SY", "Idlib", 35.9306, 36.6339, IDLIB)
                        .evidence("Artillery shelled villages near Idlib.", "shelled")
                        .state("rejected"));
    }
}
