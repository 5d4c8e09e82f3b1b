package org.sitrep.newsletters;

import java.time.Instant;
import java.util.List;

/** One issue of a newsletter: a subject, an intro in Markdown and the pieces it points to. */
public record Issue(
        long id,
        long newsletterId,
        String subject,
        String introMarkdown,
        State state,
        Instant sendAt,
        Instant startedAt,
        Instant finishedAt,
        Integer recipients,
        String createdBy,
        Instant updatedAt,
        List<Long> pieceIds) {

    public enum State {
        DRAFT,
        SCHEDULED,
        SENDING,
        SENT;

        /** Still open to edits (and to sending). */
        public boolean editable() {
            return this == DRAFT || this == SCHEDULED;
        }
    }
}
