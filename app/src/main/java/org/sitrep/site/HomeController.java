package org.sitrep.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sitrep.common.SitrepProperties;
import org.sitrep.newsroom.Piece;
import org.sitrep.newsroom.PieceCatalog;
import org.sitrep.web.PageMeta;
import org.sitrep.web.PublicUrls;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page: the lead story, the latest pieces, then the latest of each kind. */
@Controller
class HomeController {
    private final PieceCatalog catalog;
    private final SitePages pages;
    private final SitrepProperties properties;
    private final PublicUrls urls;

    HomeController(PieceCatalog catalog, SitePages pages, SitrepProperties properties, PublicUrls urls) {
        this.catalog = catalog;
        this.pages = pages;
        this.properties = properties;
        this.urls = urls;
    }

    /** {@code lead} if it is in {@code language}, else its live translation into it, if any. */
    private Optional<Piece> inEdition(Piece lead, String language) {
        if (language.equals(lead.language())) return Optional.of(lead);
        return catalog.family(lead.familyId()).stream()
                .filter(l -> language.equals(l.language()))
                .findFirst()
                .flatMap(l -> catalog.byIds(List.of(l.id())).stream().findFirst());
    }

    /** One kind's shelf on the front page. */
    record Shelf(KindNav kind, List<Piece> pieces) {}

    @GetMapping("/")
    ResponseEntity<byte[]> home() {
        return pages.page("/", "site/home", () -> {
            String language = pages.edition().language();
            // The editors' chosen lead story while it is live (in another edition, its translation if it has one);
            // otherwise the newest piece leads.
            Optional<Piece> chosen = catalog.homeLead().flatMap(lead -> inEdition(lead, language));
            List<Piece> latest = new ArrayList<>(catalog.latest(language, 9, 0));
            if (chosen.isPresent()) {
                latest.removeIf(p -> p.id() == chosen.get().id());
                latest.add(0, chosen.get());
                if (latest.size() > 9) latest.remove(latest.size() - 1);
            }
            List<Shelf> shelves = new ArrayList<>();
            for (KindNav k : KindNav.ALL) {
                List<Piece> ofKind = catalog.latestOfKind(k.kind(), language, 4, 0);
                if (!ofKind.isEmpty()) shelves.add(new Shelf(k, ofKind));
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lead", latest.isEmpty() ? null : latest.get(0));
            m.put("latest", latest.size() > 1 ? latest.subList(1, latest.size()) : List.of());
            m.put("shelves", shelves);
            m.put("alternates", pages.alternates("/"));
            m.put(
                    "meta",
                    new PageMeta(
                            properties.siteName() + " · " + properties.tagline(),
                            properties.tagline(),
                            pages.absolute("/"),
                            "website",
                            null,
                            null,
                            StructuredData.write(Map.of(
                                    "@context",
                                    "https://schema.org",
                                    "@type",
                                    "WebSite",
                                    "name",
                                    properties.siteName(),
                                    "url",
                                    pages.absolute("/"),
                                    "inLanguage",
                                    language,
                                    "potentialAction",
                                    Map.of(
                                            "@type",
                                            "SearchAction",
                                            "target",
                                            pages.absolute("/search") + "?q={query}",
                                            "query-input",
                                            "required name=query"))),
                            Feeds.links(urls, "All pieces", pages.edition().path("/feed")),
                            null,
                            false));
            return Optional.of(m);
        });
    }
}
