package org.sitrep.newsroom;

import java.util.Map;

/** Something the newsroom refuses to store, with one message per form field; nothing was stored. */
public class InvalidForm extends RuntimeException {
    private final Map<String, String> errors;

    public InvalidForm(Map<String, String> errors) {
        super("Refused: " + errors);
        this.errors = Map.copyOf(errors);
    }

    /** Field name to a message fit for the editor. */
    public Map<String, String> errors() {
        return errors;
    }
}
