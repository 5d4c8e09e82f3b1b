package org.sitrep.site;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sitrep.common.SitrepProperties;
import org.sitrep.newsroom.Piece;
import org.sitrep.newsroom.PieceCatalog;
import org.sitrep.newsroom.PieceKind;
import org.sitrep.newsroom.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The article page: /{kind}/{slug}, for every kind of piece. */
@Controller
class ArticleController {
    private final PieceCatalog catalog;
    private final SitePages pages;
    private final SitrepProperties properties;
    private final PublicUrls urls;
    private final StructuredData structuredData;
    private final Dateline dateline;

    ArticleController(PieceCatalog catalog, SitePages pages, SitrepProperties properties, PublicUrls urls,
                      StructuredData structuredData, Dateline dateline) {
        this.catalog = catalog;
        this.pages = pages;
        this.properties = properties;
        this.urls = urls;
        this.structuredData = structuredData;
        this.dateline = dateline;
    }

    @GetMapping("/{kind:news|analysis|memos|reports}/{slug}")
    ResponseEntity<byte[]> article(@PathVariable("kind") String kind, @PathVariable("slug") String slug) {
        PieceKind k = PieceKind.fromPath(kind).orElseThrow();
        return pages.page("/" + kind + "/" + slug, "site/article", () -> catalog.findLive(k, slug).map(this::model));
    }

    private Map<String, Object> model(Piece p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("piece", p);
        m.put("kindNav", KindNav.of(p.kind()));
        m.put("section", p.section() == null || p.section().isBlank() ? null : Section.of(p.section()));
        m.put("related", catalog.related(p, 4));
        m.put("updated", dateline.updatedAfter(p.publishAt(), p.updatedAt()));
        String description = p.standfirst() == null || p.standfirst().isBlank() ? p.headline() : p.standfirst();
        PageMeta.ArticleMeta article = new PageMeta.ArticleMeta(dateline.iso(p.publishAt()),
                dateline.iso(p.updatedAt().isAfter(p.publishAt()) ? p.updatedAt() : p.publishAt()),
                p.section(), p.tags().stream().map(Tag::name).toList());
        String image = p.leadPhoto() == null ? null : urls.absolute(p.leadPhoto().url());
        String imageAlt = p.leadPhoto() == null ? null : p.leadPhoto().altText();
        m.put("meta", new PageMeta(p.headline() + " · " + properties.siteName(), description, urls.absolute(p.path()),
                "article", image, imageAlt, structuredData.newsArticle(p),
                Feeds.links(urls, KindNav.of(p.kind()).title(), "/" + p.kind().path() + "/feed"), article, false));
        return m;
    }
}
