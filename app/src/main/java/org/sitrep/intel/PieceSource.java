package org.sitrep.intel;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.sitrep.common.SitrepProperties;
import org.sitrep.newsroom.Piece;
import org.sitrep.newsroom.PieceCatalog;
import org.springframework.stereotype.Component;

/**
 * Our own pieces as documents to analyse: headline, standfirst and body (the Markdown the editor
 * wrote, which the engine reads block by block), dated on the day the piece went live in the
 * publication's zone. A piece that is not live (draft, scheduled ahead, unpublished, deleted) has
 * nothing to analyse; nor has a translation: its events are its original's (the engine reads
 * English, and one report in two languages is one set of events, not two).
 */
@Component
class PieceSource implements SourceDocuments {
    static final String KIND = "piece";

    private final PieceCatalog catalog;
    private final SitrepProperties properties;
    private final Clock clock;

    PieceSource(PieceCatalog catalog, SitrepProperties properties, Clock clock) {
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Optional<SourceDocument> load(long id) {
        return catalog.findById(id)
                .filter(p -> p.isLive(clock.instant()) && !p.isTranslation())
                .map(this::document);
    }

    /** Ids of every live piece, newest first (listings only: no bodies are read). */
    java.util.List<Long> liveIds() {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            var page = catalog.listings(1000, offset);
            page.forEach(l -> {
                if (l.originalId() == null) ids.add(l.id()); // translations have no events of their own
            });
            if (page.size() < 1000) return ids;
        }
    }

    private SourceDocument document(Piece p) {
        StringBuilder content = new StringBuilder();
        // The standfirst is its own paragraph: a blank line keeps the engine from running it into the body.
        if (p.standfirst() != null && !p.standfirst().isBlank())
            content.append(p.standfirst().strip()).append("\n\n");
        content.append(p.bodyMarkdown() == null ? "" : p.bodyMarkdown());
        LocalDate published = p.publishAt().atZone(properties.zone()).toLocalDate();
        return new SourceDocument(
                KIND,
                p.id(),
                p.headline(),
                content.toString(),
                "markdown",
                published,
                properties.baseUrl() + p.path(),
                properties.siteName());
    }
}
