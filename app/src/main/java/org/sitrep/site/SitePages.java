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
import org.sitrep.web.PublicUrls;
import org.sitrep.web.Section;
import org.springframework.context.i18n.LocaleContextHolder;
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
    private static final Labels LABELS = new Labels();

    public SitePages(ITemplateEngine templates, PageCache cache, PieceCatalog catalog, SitrepProperties properties,
                     Dateline dateline, PublicUrls urls, ReaderChrome readerChrome) {
        this.readerChrome = readerChrome;
        this.templates = templates;
        this.cache = cache;
        this.catalog = catalog;
        this.properties = properties;
        this.dateline = dateline;
        this.urls = urls;
    }

    /** Regions and desks that have live pieces, for the navigation. */
    public List<Section> sections() {
        return cache.get("nav:sections", () -> catalog.sections().stream().map(Section::of).distinct().toList());
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
        return vars;
    }

    /**
     * The page at {@code key} from the cache, or rendered from {@code template} with the model
     * {@code model} supplies; an empty model means "no such page" and answers 404.
     */
    public ResponseEntity<byte[]> page(String key, String template, Supplier<Optional<Map<String, Object>>> model) {
        // Kept as UTF-8 bytes: a cache hit then costs no rendering and no encoding.
        String path = key.contains("?") ? key.substring(0, key.indexOf('?')) : key;
        // Keyed by language too: one address may be rendered in several (the edition's words, dates and digits).
        byte[] html = cache.get("page:" + pageLocale().toLanguageTag() + ":" + key, () -> model.get().map(m -> {
            Map<String, Object> vars = new HashMap<>(m);
            vars.putIfAbsent("currentPath", path); // marks the navigation link to this page
            vars.putIfAbsent("nextPath", key); // where sign in and join return to
            return render(template, vars).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }).orElse(null));
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
        return templates.process(template, new Context(pageLocale(), vars));
    }

    private static jakarta.servlet.http.HttpServletRequest currentRequest() {
        return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes a ? a.getRequest() : null;
    }

    /** One fragment ({@code th:fragment} named {@code selector}) of {@code template}, with the chrome's variables. */
    public String fragment(String template, String selector, Map<String, Object> model) {
        Map<String, Object> vars = chrome();
        vars.putAll(model);
        return templates.process(template, java.util.Set.of(selector), new Context(pageLocale(), vars));
    }

    /**
     * The language pages are rendered in: the request's (Spring's LocaleContextHolder, set by the edition's locale
     * resolver; {@code spring.web.locale=en} until there is one), so messages, dates and digits agree.
     */
    public static Locale pageLocale() {
        // Outside a request (a job rendering pages) English, not the server's own locale.
        var context = LocaleContextHolder.getLocaleContext();
        return context == null || context.getLocale() == null ? Locale.ENGLISH : context.getLocale();
    }

    /** Answered with the site's 404 page. */
    public static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
