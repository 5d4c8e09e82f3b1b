package org.sitrep.common;

/**
 * An application event that every instance must hear of, not only the one where it happened: a piece
 * published, events corrected, settings changed. {@link ChangeFeed} writes it to the database after the
 * transaction commits and publishes it again, as the same event, on every other instance, whose page cache,
 * map index and search index then drop or re-read their copies as they do for a change made locally.
 *
 * <p>The event must be a record (or class) Jackson can write and read back from its properties.
 */
public interface SharedChange {}
