package org.sitrep.intel;

import java.util.Map;

/** A review the analyst must fix (an unknown event type, a place the gazetteer lacks…): messages fit to show, by form field. */
public class InvalidReview extends RuntimeException {
    private final Map<String, String> errors;

    public InvalidReview(Map<String, String> errors) {
        super(String.join(" ", errors.values()));
        this.errors = Map.copyOf(errors);
    }

    public InvalidReview(String message) {
        this(Map.of("form", message));
    }

    public Map<String, String> errors() {
        return errors;
    }
}
