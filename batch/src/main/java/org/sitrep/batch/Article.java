package org.sitrep.batch;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One article of an archive, as read from a JSON Lines or Parquet input: what the analysis needs
 * and what an event row carries back (its id, source and URL).
 */
public record Article(String id, String title, String body, LocalDate published, String source, String url)
        implements Serializable {}
