package org.sitrep.newsroom;

import org.sitrep.common.SharedChange;

/**
 * Published (as a Spring application event) after any change that may alter what readers see of a
 * piece: save, publish, schedule, unpublish, delete, or a scheduled piece going live. Search,
 * caches and, later, the analysis queue listen to it.
 */
public record PieceChanged(long pieceId) implements SharedChange {}
