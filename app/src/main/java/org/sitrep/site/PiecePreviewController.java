package org.sitrep.site;

import java.time.Clock;
import java.util.List;
import org.sitrep.common.SitrepProperties;
import org.sitrep.newsroom.Piece;
import org.sitrep.newsroom.PieceCatalog;
import org.sitrep.web.PageMeta;
import org.sitrep.web.Section;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The editor's preview: a piece exactly as readers would see it, whatever its status. Served by the
 * site, which owns the article page, at the newsroom's address, so the newsroom's rule (editors and
 * admins only) guards it; the newsroom only links to it.
 */
@Controller
class PiecePreviewController {
    private final PieceCatalog catalog;
    private final SitrepProperties properties;
    private final Clock clock;

    PiecePreviewController(PieceCatalog catalog, SitrepProperties properties, Clock clock) {
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The public site's article template with the site's own page parts, plus a banner saying it is a
     * preview. A piece with no publish time yet is shown as if published now.
     */
    @GetMapping("/newsroom/pieces/{id}/preview")
    String preview(@PathVariable("id") long id, Model model) {
        Piece p = catalog.findById(id).orElseThrow(SitePages::notFound);
        Piece shown = p.publishAt() != null ? p : p.publishedAt(clock.instant());
        model.addAttribute("piece", shown);
        // A translation is previewed in its own edition's language and direction.
        model.addAttribute("edition", org.sitrep.web.Edition.of(org.sitrep.web.Language.orEnglish(p.language())));
        model.addAttribute("kindNav", KindNav.of(p.kind()));
        model.addAttribute("section", p.section() == null || p.section().isBlank() ? null : Section.of(p.section()));
        model.addAttribute("related", List.of());
        model.addAttribute("updated", false);
        model.addAttribute(
                "meta",
                PageMeta.website(
                                "Preview: " + p.headline() + " · " + properties.siteName(),
                                p.standfirst(),
                                null,
                                List.of())
                        .hiddenFromSearchEngines());
        return "site/preview";
    }
}
