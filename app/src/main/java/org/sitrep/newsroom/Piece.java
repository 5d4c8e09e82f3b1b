package org.sitrep.newsroom;

import java.time.Instant;
import java.util.List;

/**
 * A piece as stored: the body is kept as Markdown (what the editor wrote) and as sanitised HTML
 * (what readers get), rendered once at save time.
 */
public record Piece(long id, String slug, PieceKind kind, String headline, String standfirst,
                    String bodyMarkdown, String bodyHtml, String section, PieceStatus status,
                    AccessLevel accessLevel, Photo leadPhoto, List<Author> authors, List<Tag> tags,
                    Instant publishAt, Instant firstPublishedAt, Instant createdAt, Instant updatedAt,
                    boolean sample) {

    /** Public path of a piece: /{kind}/{slug}. */
    public String path() { return "/" + kind.path() + "/" + slug; }

    /**
     * Live to readers: published, or scheduled and its time has come (so a scheduled piece goes
     * live on the second, whatever the scheduler's tick).
     */
    public boolean isLive(Instant now) {
        return (status == PieceStatus.PUBLISHED || status == PieceStatus.SCHEDULED)
                && publishAt != null && !publishAt.isAfter(now);
    }
}
