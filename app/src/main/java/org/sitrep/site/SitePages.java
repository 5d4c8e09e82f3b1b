package org.sitrep.site;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.sitrep.common.SitrepProperties;
import org.sitrep.newsroom.PieceCatalog;
import org.sitrep.web.Dateline;
import org.sitrep.web.Edition;
import org.sitrep.web.PublicUrls;
import org.sitrep.web.Section;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders public pages to HTML once and serves them from {@link PageCache}. Templates get the
 * site chrome's variables ({@code site}, {@code kinds}, {@code sections}, {@code dateline}) here,
 * and from {@link SiteModel} when Spring renders them (error pages).
 */
@Component
public class SitePages {
    static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final ITemplateEngine templates;
    private final PageCache cache;
    private final PieceCatalog catalog;
    private final SitrepProperties properties;
    private final Dateline dateline;
    private final PublicUrls urls;
    private final ReaderChrome readerChrome;
    private final Editions editions;
    private static final Labels LABELS = new Labels();

    public SitePages(
            ITemplateEngine templates,
            PageCache cache,
            PieceCatalog catalog,
            SitrepProperties properties,
            Dateline dateline,
            PublicUrls urls,
            ReaderChrome readerChrome,
            Editions editions) {
        this.readerChrome = readerChrome;
        this.editions = editions;
        this.templates = templates;
        this.cache = cache;
        this.catalog = catalog;
        this.properties = properties;
        this.dateline = dateline;
        this.urls = urls;
    }

    /** Regions and desks that have live pieces in this request's edition, for the navigation. */
    public List<Section> sections() {
        String language = edition().language();
        return cache.get("nav:sections:" + language, () -> catalog.sections(language).stream()
                .map(Section::of)
                .distinct()
                .toList());
    }

    /** The edition of the page being served. */
    public Edition edition() {
        return Editions.current();
    }

    /** The absolute address of {@code sitePath} ("/news") in this request's edition. */
    public String absolute(String sitePath) {
        return urls.absolute(edition().path(sitePath));
    }

    /** A page's other editions, for {@code <link rel="alternate" hreflang>}; x-default is the English page. */
    public record Alternate(String hreflang, String href) {}

    /** {@code sitePath} in every edition that is on, and x-default; none when only English is on. */
    public List<Alternate> alternates(String sitePath) {
        List<Edition> on = editions.all();
        if (on.size() < 2) return List.of();
        List<Alternate> all = new java.util.ArrayList<>();
        for (Edition e : on) all.add(new Alternate(e.language(), urls.absolute(e.path(sitePath))));
        all.add(new Alternate("x-default", urls.absolute(sitePath)));
        return all;
    }

    public Optional<Section> section(String slug) {
        return sections().stream().filter(s -> s.slug().equals(slug)).findFirst();
    }

    /** The variables every page's chrome uses. */
    public Map<String, Object> chrome() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("site", properties);
        vars.put("kinds", KindNav.ALL);
        vars.put("sections", sections());
        vars.put("dateline", dateline);
        vars.put("urls", urls);
        vars.put("labels", LABELS);
        vars.put("edition", edition());
        return vars;
    }

    /**
     * The page at {@code key} from the cache, or rendered from {@code template} with the model
     * {@code model} supplies; an empty model means "no such page" and answers 404.
     */
    public ResponseEntity<byte[]> page(String key, String template, Supplier<Optional<Map<String, Object>>> model) {
        // Kept as UTF-8 bytes: a cache hit then costs no rendering and no encoding.
        String path = key.contains("?") ? key.substring(0, key.indexOf('?')) : key;
        Edition edition = edition();
        byte[] html = cache.get("page:" + edition.prefix() + key, () -> model.get()
                .map(m -> {
                    Map<String, Object> vars = new HashMap<>(m);
                    vars.putIfAbsent(
                            "currentPath",
                            path); // marks the navigation link to this page (a path without the edition's prefix)
                    vars.putIfAbsent("nextPath", edition.path(key)); // where sign in and join return to
                    return render(template, vars).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                })
                .orElse(null));
        if (html == null) throw notFound();
        return ResponseEntity.ok().contentType(HTML).body(readerChrome.personalise(html, currentRequest()));
    }

    /**
     * Renders a page for the cache: always as a signed-out reader sees it (whatever the model says),
     * since one rendering serves every reader; {@link ReaderChrome} personalises it on the way out.
     */
    public String render(String template, Map<String, Object> model) {
        Map<String, Object> vars = chrome();
        vars.putAll(model);
        Object next = vars.getOrDefault("nextPath", vars.get("currentPath"));
        vars.put("readerNav", ReaderChrome.signedOut(next == null ? null : next.toString()));
        return templates.process(template, new Context(edition().locale(), vars));
    }

    private static jakarta.servlet.http.HttpServletRequest currentRequest() {
        return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                        instanceof org.springframework.web.context.request.ServletRequestAttributes a
                ? a.getRequest()
                : null;
    }

    /** One fragment ({@code th:fragment} named {@code selector}) of {@code template}, with the chrome's variables. */
    public String fragment(String template, String selector, Map<String, Object> model) {
        Map<String, Object> vars = chrome();
        vars.putAll(model);
        return templates.process(
                template, java.util.Set.of(selector), new Context(edition().locale(), vars));
    }

    /**
     * The language pages are rendered in: the request's edition's (English outside a request), so messages,
     * dates and digits agree with the page's address and its cache key.
     */
    public static Locale pageLocale() {
        return Editions.current().locale();
    }

    /** Answered with the site's 404 page. */
    public static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
