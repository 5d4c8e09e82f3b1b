package org.sitrep.analysis;

/** The input is not text the engine can read (binary data, undecodable bytes); the message says why. */
public class UnreadableDocumentException extends IllegalArgumentException {
    public UnreadableDocumentException(String message) {
        super(message);
    }
}
