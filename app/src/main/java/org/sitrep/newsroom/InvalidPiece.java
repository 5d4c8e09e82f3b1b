package org.sitrep.newsroom;

import java.util.Map;

/** A draft the newsroom refuses, with one message per form field; nothing of it was stored. */
public class InvalidPiece extends RuntimeException {
    private final Map<String, String> errors;

    public InvalidPiece(Map<String, String> errors) {
        super("Invalid piece: " + errors);
        this.errors = Map.copyOf(errors);
    }

    /** Field name (as in {@link PieceDraft}) to a message fit for the editor. */
    public Map<String, String> errors() { return errors; }
}
