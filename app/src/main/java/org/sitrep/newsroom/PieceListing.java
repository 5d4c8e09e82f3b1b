package org.sitrep.newsroom;

import java.time.Instant;

/**
 * A live piece without its body, bylines or photo: enough for sitemaps and link lists.
 *
 * @param language   its language (an edition's code)
 * @param originalId the piece it translates, or null
 */
public record PieceListing(
        long id,
        PieceKind kind,
        String slug,
        String headline,
        String section,
        Instant publishAt,
        Instant updatedAt,
        String language,
        Long originalId) {

    public String path() {
        return Piece.prefix(language) + "/" + kind.path() + "/" + slug;
    }

    /** The family's original: itself, or the piece it translates. */
    public long familyId() {
        return originalId == null ? id : originalId;
    }
}
