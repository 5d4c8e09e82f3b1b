package org.sitrep.site;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sitrep.common.SitrepProperties;
import org.sitrep.search.SearchIndex;
import org.sitrep.search.SearchResults;
import org.sitrep.web.PageMeta;
import org.sitrep.web.Paging;
import org.sitrep.web.PublicUrls;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * /search?q=…&amp;page=N: ranked results with the matching words marked. The search feature is the index
 * and its queries; the page is the site's, rendered and cached like every other public page.
 */
@Controller
class SearchController {
    static final int PAGE_SIZE = 10;

    private final SearchIndex index;
    private final SitePages pages;
    private final SitrepProperties properties;
    private final PublicUrls urls;

    SearchController(SearchIndex index, SitePages pages, SitrepProperties properties, PublicUrls urls) {
        this.index = index;
        this.pages = pages;
        this.properties = properties;
        this.urls = urls;
    }

    /**
     * Result pages are cached like every other public page (and dropped with them whenever a
     * piece changes or goes live): readers repeat the searches that matter that day.
     */
    @GetMapping("/search")
    ResponseEntity<byte[]> search(
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "page", required = false) String page) {
        int n = Paging.pageNumber(page).orElse(1);
        String key = q == null ? "" : q.strip();
        if (key.length() > 200) key = key.substring(0, 200);
        return pages.page(
                "/search?" + (q == null ? "" : "q=" + key) + "&page=" + n,
                "site/search",
                () -> Optional.of(model(q, n)));
    }

    private Map<String, Object> model(String q, int n) {
        SearchResults results = q == null ? null : index.search(q, n, PAGE_SIZE);
        String query = results == null ? "" : results.query();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("q", query);
        model.put("results", results);
        if (results != null) {
            String base = "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
            model.put(
                    "previous",
                    results.hasPrevious() ? base + (results.page() == 2 ? "" : "&page=" + (results.page() - 1)) : null);
            model.put(
                    "next",
                    results.hasNext() && results.page() < SearchIndex.MAX_PAGE
                            ? base + "&page=" + (results.page() + 1)
                            : null);
        }
        String title = query.isEmpty() ? "Search" : "Search: " + query;
        model.put(
                "meta",
                PageMeta.website(
                                title + " · " + properties.siteName(),
                                "Search " + properties.siteName(),
                                urls.absolute("/search"),
                                List.of())
                        .hiddenFromSearchEngines());
        return model;
    }
}
