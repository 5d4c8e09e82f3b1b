package org.sitrep.ingest;

import java.time.ZoneOffset;
import java.util.Optional;
import org.sitrep.intel.SourceDocument;
import org.sitrep.intel.SourceDocuments;
import org.springframework.stereotype.Component;

/**
 * Ingested stories as documents for the analysis queue (kind "item"): the cleaned text (headline,
 * standfirst, body), dated by the item's own publication date or, lacking one, the day it arrived.
 */
@Component
class ItemDocuments implements SourceDocuments {
    static final String KIND = "item";

    private final IngestedStories stories;

    ItemDocuments(IngestedStories stories) {
        this.stories = stories;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<SourceDocument> load(long id) {
        return stories.find(id)
                .map(s -> new SourceDocument(
                        KIND,
                        id,
                        // A photo's title is its caption's first sentence: passing it would make the engine read it
                        // twice.
                        "photo".equals(s.format()) ? null : s.title(),
                        s.text(),
                        "text",
                        s.published() != null
                                ? s.published()
                                : s.fetchedAt().atOffset(ZoneOffset.UTC).toLocalDate(),
                        s.url(),
                        s.sourceName()));
    }
}
