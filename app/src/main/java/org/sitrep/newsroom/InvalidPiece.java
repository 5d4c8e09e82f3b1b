package org.sitrep.newsroom;

import java.util.Map;

/** A draft the newsroom refuses, with one message per {@link PieceDraft} field; nothing of it was stored. */
public class InvalidPiece extends InvalidForm {
    public InvalidPiece(Map<String, String> errors) {
        super(errors);
    }
}
