package org.sitrep.newsroom;

import java.time.Instant;

/** The text of a piece as one save left it; restoring a revision is itself a new save. */
public record Revision(
        long id,
        long pieceId,
        int number,
        String headline,
        String standfirst,
        String bodyMarkdown,
        PieceStatus status,
        String editedBy,
        Instant createdAt) {}
