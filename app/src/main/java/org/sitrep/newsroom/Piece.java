package org.sitrep.newsroom;

import java.time.Instant;
import java.util.List;

/**
 * A piece as stored: the body is kept as Markdown (what the editor wrote) and as sanitised HTML
 * (what readers get), rendered once at save time.
 *
 * @param language   the language it is written in, an edition's code ("en", "ar", "fa", "tr", "he")
 * @param originalId the piece this one translates, or null for an original
 * @param translator who translated it (credited on the byline), or null
 */
public record Piece(
        long id,
        String slug,
        PieceKind kind,
        String headline,
        String standfirst,
        String bodyMarkdown,
        String bodyHtml,
        String section,
        PieceStatus status,
        AccessLevel accessLevel,
        Photo leadPhoto,
        List<Author> authors,
        List<Tag> tags,
        Instant publishAt,
        Instant firstPublishedAt,
        Instant createdAt,
        Instant updatedAt,
        boolean sample,
        String language,
        Long originalId,
        String translator) {

    public static final String ENGLISH = "en";

    /** An English original (how every piece was before editions). */
    public Piece(
            long id,
            String slug,
            PieceKind kind,
            String headline,
            String standfirst,
            String bodyMarkdown,
            String bodyHtml,
            String section,
            PieceStatus status,
            AccessLevel accessLevel,
            Photo leadPhoto,
            List<Author> authors,
            List<Tag> tags,
            Instant publishAt,
            Instant firstPublishedAt,
            Instant createdAt,
            Instant updatedAt,
            boolean sample) {
        this(
                id,
                slug,
                kind,
                headline,
                standfirst,
                bodyMarkdown,
                bodyHtml,
                section,
                status,
                accessLevel,
                leadPhoto,
                authors,
                tags,
                publishAt,
                firstPublishedAt,
                createdAt,
                updatedAt,
                sample,
                ENGLISH,
                null,
                null);
    }

    /** Public path of a piece: /{kind}/{slug}, under its edition's prefix (/ar/analysis/…) when not English. */
    public String path() {
        return prefix(language) + "/" + kind.path() + "/" + slug;
    }

    /** A translation of another piece (whose events and page it shares). */
    public boolean isTranslation() {
        return originalId != null;
    }

    /** The piece this one is, or translates: the family's original. */
    public long familyId() {
        return originalId == null ? id : originalId;
    }

    /** A copy published at {@code at} (the editor's preview of a piece not yet scheduled). */
    public Piece publishedAt(Instant at) {
        return new Piece(
                id,
                slug,
                kind,
                headline,
                standfirst,
                bodyMarkdown,
                bodyHtml,
                section,
                status,
                accessLevel,
                leadPhoto,
                authors,
                tags,
                at,
                firstPublishedAt,
                createdAt,
                updatedAt,
                sample,
                language,
                originalId,
                translator);
    }

    /** "" for English, "/ar" for Arabic: where an edition's pages live. */
    public static String prefix(String language) {
        return language == null || ENGLISH.equals(language) ? "" : "/" + language;
    }

    /**
     * Live to readers: published, or scheduled and its time has come (so a scheduled piece goes
     * live on the second, whatever the scheduler's tick).
     */
    public boolean isLive(Instant now) {
        return (status == PieceStatus.PUBLISHED || status == PieceStatus.SCHEDULED)
                && publishAt != null
                && !publishAt.isAfter(now);
    }
}
