package org.sitrep.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sitrep.common.SitrepProperties;
import org.sitrep.newsroom.AccessLevel;
import org.sitrep.newsroom.Piece;
import org.sitrep.newsroom.PieceCatalog;
import org.sitrep.newsroom.PieceKind;
import org.sitrep.newsroom.PieceListing;
import org.sitrep.newsroom.Tag;
import org.sitrep.paywall.Access;
import org.sitrep.paywall.Paywall;
import org.sitrep.search.SearchIndex;
import org.sitrep.web.Dateline;
import org.sitrep.web.Edition;
import org.sitrep.web.Language;
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
    private final Editions editions;

    ArticlePages(
            PieceCatalog catalog,
            SitePages pages,
            SitrepProperties properties,
            PublicUrls urls,
            StructuredData structuredData,
            Dateline dateline,
            Paywall paywall,
            PageCache cache,
            SearchIndex search,
            ReaderChrome readerChrome,
            Editions editions) {
        this.readerChrome = readerChrome;
        this.editions = editions;
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

    /**
     * The page of a live piece in this request's edition, rendered if it is not in the cache; empty when
     * there is no such piece in this edition (an Arabic piece has no English address).
     */
    Optional<ArticlePage> page(PieceKind kind, String slug) {
        Edition edition = pages.edition();
        return cache.get(key(edition, kind.path(), slug), () -> catalog.findLive(kind, slug)
                .filter(p -> edition.language().equals(p.language()))
                .map(this::render));
    }

    /** The page at {@code path} ("/news/slug") if it is rendered and cached; else null. */
    ArticlePage cached(String path) {
        Optional<ArticlePage> page = cache.getIfPresent("article:" + path);
        return page == null ? null : page.orElse(null);
    }

    /** The page for the reader making {@code request}: the paywall decides, the parts are put together. */
    byte[] forReader(ArticlePage page, HttpServletRequest request, HttpServletResponse response) {
        // Its settings are cached with the pages: the paywall admin empties the cache when they change.
        Paywall.Terms terms = cache.get("paywall:terms", paywall::terms);
        Access access = paywall.decide(page.pieceId(), page.level(), terms, request, response);
        byte[] meter = access.notice() ? fragment("meter", access) : null;
        byte[] offer = access.cut() ? fragment("offer", access) : null;
        // The page is shared by every reader and signed out; a signed-in reader's masthead is put in here, after the
        // cache.
        return readerChrome.personalise(page.compose(access, meter, offer), request);
    }

    /** "article:" and the page's path, as {@link #cached} finds it ("/ar/analysis/…" in Arabic). */
    private static String key(Edition edition, String kindPath, String slug) {
        return "article:" + edition.prefix() + "/" + kindPath + "/" + slug;
    }

    /** The paywall's meter notice or offer for one outcome, rendered once per outcome (not per piece). */
    private byte[] fragment(String name, Access access) {
        return cache.get(
                "paywall:" + name + access.cacheKey() + ":"
                        + SitePages.pageLocale().toLanguageTag(),
                () -> pages.fragment("paywall/offer", name, Map.of("access", access))
                        .strip()
                        .getBytes(StandardCharsets.UTF_8));
    }

    private ArticlePage render(Piece p) {
        String html = pages.render("site/article", model(p));
        boolean paidOrMembers = p.accessLevel() != AccessLevel.PUBLIC;
        return ArticlePage.of(
                p.id(),
                p.accessLevel(),
                html,
                structuredData.newsArticle(p, paidOrMembers),
                structuredData.newsArticle(p, true),
                p.bodyHtml(),
                paywall.opening(p));
    }

    /** Pieces sharing tags (from the search index, which answers this cheaply); else the latest of the kind. */
    private List<Piece> related(Piece p) {
        if (p.tags().isEmpty()) {
            return catalog.latestOfKind(p.kind(), p.language(), 5, 0).stream()
                    .filter(o -> o.id() != p.id())
                    .limit(4)
                    .toList();
        }
        // Related pieces in the reader's language only: an Arabic page links to Arabic pieces.
        return catalog.byIds(search.related(p, 8)).stream()
                .filter(o -> p.language().equals(o.language()))
                .limit(4)
                .toList();
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
        PageMeta.ArticleMeta article = new PageMeta.ArticleMeta(
                dateline.iso(p.publishAt()),
                dateline.iso(p.updatedAt().isAfter(p.publishAt()) ? p.updatedAt() : p.publishAt()),
                p.section(),
                p.tags().stream().map(Tag::name).toList());
        String image =
                p.leadPhoto() == null ? null : urls.absolute(p.leadPhoto().url());
        String imageAlt = p.leadPhoto() == null ? null : p.leadPhoto().altText();
        m.put(
                "meta",
                new PageMeta(
                        p.headline() + " · " + properties.siteName(),
                        description,
                        urls.absolute(p.path()),
                        "article",
                        image,
                        imageAlt,
                        ArticlePage.SLOTS.jsonLd(),
                        Feeds.links(
                                urls,
                                KindNav.of(p.kind()).title(),
                                pages.edition().path("/" + p.kind().path() + "/feed")),
                        article,
                        false));
        translations(p, m);
        return m;
    }

    /** One language of a piece in its switcher. */
    record Translation(String language, String name, String path, boolean current) {}

    /**
     * The piece's live translations in editions that are on: the reader's language switcher, and
     * {@code hreflang} alternates with x-default on the original (nothing when it has none).
     */
    private void translations(Piece p, Map<String, Object> m) {
        List<PieceListing> family = catalog.family(p.familyId()).stream()
                .filter(l -> Language.of(l.language()).map(editions::enabled).orElse(false))
                .toList();
        if (family.size() < 2) return;
        m.put(
                "translations",
                family.stream()
                        .map(l -> new Translation(
                                l.language(),
                                Language.orEnglish(l.language()).nativeName(),
                                l.path(),
                                l.id() == p.id()))
                        .toList());
        List<SitePages.Alternate> alternates = new java.util.ArrayList<>();
        family.forEach(l -> alternates.add(new SitePages.Alternate(l.language(), urls.absolute(l.path()))));
        family.stream()
                .filter(l -> l.originalId() == null)
                .findFirst()
                .ifPresent(original ->
                        alternates.add(new SitePages.Alternate("x-default", urls.absolute(original.path()))));
        m.put("alternates", alternates);
    }
}
