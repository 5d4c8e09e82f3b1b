package org.sitrep.newsroom;

/** Life of a piece: draft -> scheduled -> published -> unpublished. */
public enum PieceStatus {
    DRAFT,
    SCHEDULED,
    PUBLISHED,
    UNPUBLISHED
}
