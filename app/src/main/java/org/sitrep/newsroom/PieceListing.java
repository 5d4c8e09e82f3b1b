package org.sitrep.newsroom;

import java.time.Instant;

/** A live piece without its body, bylines or photo: enough for sitemaps and link lists. */
public record PieceListing(long id, PieceKind kind, String slug, String headline, String section,
                           Instant publishAt, Instant updatedAt) {

    public String path() { return "/" + kind.path() + "/" + slug; }
}
