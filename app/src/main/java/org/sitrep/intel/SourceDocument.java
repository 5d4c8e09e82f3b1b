package org.sitrep.intel;

import java.time.LocalDate;

/**
 * A document as the analysis queue sees it: one of our pieces or an ingested item.
 *
 * @param kind       "piece" or "item": which {@link SourceDocuments} owns it
 * @param id         the id within that kind
 * @param format     how {@code content} is written: "html", "markdown" or "text"
 * @param published  the date relative dates are resolved against
 * @param url        the public URL of a piece, the original URL of an item (may be null)
 * @param sourceName "Sitrep" for our own pieces, the feed or wire name otherwise
 */
public record SourceDocument(
        String kind,
        long id,
        String title,
        String content,
        String format,
        LocalDate published,
        String url,
        String sourceName) {}
