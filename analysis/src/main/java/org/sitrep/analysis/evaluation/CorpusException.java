package org.sitrep.analysis.evaluation;

/** A corpus file that cannot be used: unreadable, malformed, or with gold that does not fit its text. */
public class CorpusException extends RuntimeException {
    public CorpusException(String message) {
        super(message);
    }

    public CorpusException(String message, Throwable cause) {
        super(message, cause);
    }
}
