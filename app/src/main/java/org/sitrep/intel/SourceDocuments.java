package org.sitrep.intel;

import java.util.Optional;

/**
 * Where the analysis queue reads documents of one kind. The newsroom's pieces and the ingest
 * feature's items each provide one, so intel never reads another feature's tables.
 */
public interface SourceDocuments {
    /** The kind this source serves, e.g. "piece" or "item". */
    String kind();

    /** The document as it is now, or empty when it no longer exists or must not be analysed (e.g. unpublished). */
    Optional<SourceDocument> load(long id);
}
