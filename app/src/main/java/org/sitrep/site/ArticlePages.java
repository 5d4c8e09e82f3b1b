package org.sitrep.site;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sitrep.common.SitrepProperties;
import org.sitrep.newsroom.AccessLevel;
import org.sitrep.newsroom.Piece;
import org.sitrep.newsroom.PieceCatalog;
import org.sitrep.newsroom.PieceKind;
import org.sitrep.newsroom.Tag;
import org.sitrep.paywall.Access;
import org.sitrep.paywall.Paywall;
import org.sitrep.search.SearchIndex;
import org.sitrep.web.Dateline;
import org.sitrep.web.PageMeta;
import org.sitrep.web.PublicUrls;
import org.sitrep.web.Section;
import org.springframework.stereotype.Component;

/**
 * Article pages: rendered once per piece into an {@link ArticlePage} kept in {@link PageCache},
 * and put together per reader with the paywall's outcome. Used by {@link ArticleController} and,
 * for readers without a session, by {@link ArticleFastLane}.
 */
@Component
class ArticlePages {
    private final PieceCatalog catalog;
    private final SitePages pages;
    private final SitrepProperties properties;
    private final PublicUrls urls;
    private final StructuredData structuredData;
    private final Dateline dateline;
    private final Paywall paywall;
    private final PageCache cache;
    private final SearchIndex search;
    private final ReaderChrome readerChrome;

    ArticlePages(PieceCatalog catalog, SitePages pages, SitrepProperties properties, PublicUrls urls,
                 StructuredData structuredData, Dateline dateline, Paywall paywall, PageCache cache,
                 SearchIndex search, ReaderChrome readerChrome) {
        this.readerChrome = readerChrome;
        this.search = search;
        this.paywall = paywall;
        this.cache = cache;
        this.catalog = catalog;
        this.pages = pages;
        this.properties = properties;
        this.urls = urls;
        this.structuredData = structuredData;
        this.dateline = dateline;
        cache.watch(paywall::terms); // another instance's admin may change them
    }

    /** The page of a live piece, rendered if it is not in the cache; empty when there is no such piece. */
    Optional<ArticlePage> page(PieceKind kind, String slug) {
        return cache.get(key(kind.path(), slug), () -> catalog.findLive(kind, slug).map(this::render));
    }

    /** The page at {@code path} ("/news/slug") if it is rendered and cached; else null. */
    ArticlePage cached(String path) {
        Optional<ArticlePage> page = cache.getIfPresent("article:" + SitePages.pageLocale().toLanguageTag() + ":" + path);
        return page == null ? null : page.orElse(null);
    }

    /** The page for the reader making {@code request}: the paywall decides, the parts are put together. */
    byte[] forReader(ArticlePage page, HttpServletRequest request, HttpServletResponse response) {
        // Its settings are cached with the pages: the paywall admin empties the cache when they change.
        Paywall.Terms terms = cache.get("paywall:terms", paywall::terms);
        Access access = paywall.decide(page.pieceId(), page.level(), terms, request, response);
        byte[] meter = access.notice() ? fragment("meter", access) : null;
        byte[] offer = access.cut() ? fragment("offer", access) : null;
        // The page is shared by every reader and signed out; a signed-in reader's masthead is put in here, after the cache.
        return readerChrome.personalise(page.compose(access, meter, offer), request);
    }

    private static String key(String kindPath, String slug) {
        // By language too, as SitePages keys its pages: one article may be rendered in several page languages.
        return "article:" + SitePages.pageLocale().toLanguageTag() + ":/" + kindPath + "/" + slug;
    }

    /** The paywall's meter notice or offer for one outcome, rendered once per outcome (not per piece). */
    private byte[] fragment(String name, Access access) {
        return cache.get("paywall:" + name + access.cacheKey() + ":" + SitePages.pageLocale().toLanguageTag(), () -> pages.fragment("paywall/offer", name, Map.of("access", access))
                .strip().getBytes(StandardCharsets.UTF_8));
    }

    private ArticlePage render(Piece p) {
        String html = pages.render("site/article", model(p));
        boolean paidOrMembers = p.accessLevel() != AccessLevel.PUBLIC;
        return ArticlePage.of(p.id(), p.accessLevel(), html, structuredData.newsArticle(p, paidOrMembers),
                structuredData.newsArticle(p, true), p.bodyHtml(), paywall.opening(p));
    }

    /** Pieces sharing tags (from the search index, which answers this cheaply); else the latest of the kind. */
    private List<Piece> related(Piece p) {
        if (p.tags().isEmpty()) {
            return catalog.latestOfKind(p.kind(), 5, 0).stream().filter(o -> o.id() != p.id()).limit(4).toList();
        }
        return catalog.byIds(search.related(p, 4));
    }

    private Map<String, Object> model(Piece p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("piece", p);
        m.put("slots", ArticlePage.SLOTS);
        m.put("currentPath", p.path());
        m.put("kindNav", KindNav.of(p.kind()));
        m.put("section", p.section() == null || p.section().isBlank() ? null : Section.of(p.section()));
        m.put("related", related(p));
        m.put("updated", dateline.updatedAfter(p.publishAt(), p.updatedAt()));
        String description = p.standfirst() == null || p.standfirst().isBlank() ? p.headline() : p.standfirst();
        PageMeta.ArticleMeta article = new PageMeta.ArticleMeta(dateline.iso(p.publishAt()),
                dateline.iso(p.updatedAt().isAfter(p.publishAt()) ? p.updatedAt() : p.publishAt()),
                p.section(), p.tags().stream().map(Tag::name).toList());
        String image = p.leadPhoto() == null ? null : urls.absolute(p.leadPhoto().url());
        String imageAlt = p.leadPhoto() == null ? null : p.leadPhoto().altText();
        m.put("meta", new PageMeta(p.headline() + " · " + properties.siteName(), description, urls.absolute(p.path()),
                "article", image, imageAlt, ArticlePage.SLOTS.jsonLd(),
                Feeds.links(urls, KindNav.of(p.kind()).title(), "/" + p.kind().path() + "/feed"), article, false));
        return m;
    }
}
