package org.sitrep.intel;

/**
 * A review action made on a version of the event that is no longer current: someone (another analyst, or the
 * engine re-analysing its document) changed it after the analyst opened it. Nothing was saved.
 *
 * @param current    the event as it is now
 * @param lastChange the newest line of its audit trail (null when only the engine changed it)
 */
public class StaleReview extends RuntimeException {
    private final transient TrackedEvent current;
    private final transient EventReview.Entry lastChange;

    StaleReview(TrackedEvent current, EventReview.Entry lastChange) {
        super("Event #" + current.id() + " was changed after you opened it");
        this.current = current;
        this.lastChange = lastChange;
    }

    public TrackedEvent current() {
        return current;
    }

    public EventReview.Entry lastChange() {
        return lastChange;
    }

    /** What the page says: who changed the event, when, and how; then what to do. */
    public String explanation() {
        String who = lastChange == null
                ? "The analysis engine updated this event"
                : lastChange.analyst() + " (" + lastChange.action() + ", " + lastChange.when()
                        + " UTC) changed this event";
        return who + " after you opened it, so your action was not saved. The page now shows the event as it is; "
                + "your correction, if you made one, is still in the form: check it against the current values and save again.";
    }
}
