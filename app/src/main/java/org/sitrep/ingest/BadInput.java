package org.sitrep.ingest;

/** An input that cannot be ingested; the message says why in words fit for the admin's error list. */
public class BadInput extends RuntimeException {
    public BadInput(String message) {
        super(message);
    }

    public BadInput(String message, Throwable cause) {
        super(message, cause);
    }
}
