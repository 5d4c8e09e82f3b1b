package org.sitrep.intel;

/** A filter or cursor a reader or API client got wrong; the message is safe to show them (web layers answer 400). */
public class InvalidEventFilter extends IllegalArgumentException {
    public InvalidEventFilter(String message) {
        super(message);
    }
}
