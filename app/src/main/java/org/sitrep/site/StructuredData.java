package org.sitrep.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitrep.common.SitrepProperties;
import org.sitrep.newsroom.AccessLevel;
import org.sitrep.newsroom.Piece;
import org.sitrep.newsroom.PieceKind;
import org.sitrep.newsroom.Tag;
import org.sitrep.web.Dateline;
import org.sitrep.web.PublicUrls;
import org.springframework.stereotype.Component;

/** schema.org NewsArticle JSON-LD for an article page. */
@Component
public class StructuredData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SitrepProperties properties;
    private final PublicUrls urls;
    private final Dateline dateline;

    public StructuredData(SitrepProperties properties, PublicUrls urls, Dateline dateline) {
        this.properties = properties;
        this.urls = urls;
        this.dateline = dateline;
    }

    public String newsArticle(Piece p) {
        return newsArticle(p, p.accessLevel() != AccessLevel.PUBLIC);
    }

    /**
     * With {@code gated}, the page says the body ({@code .body}) is not free, as search engines
     * ask of paywalled pages (so a cut body is not taken for cloaking).
     */
    public String newsArticle(Piece p, boolean gated) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put(
                "@type",
                p.kind() == PieceKind.ANALYSIS
                        ? List.of("NewsArticle", "AnalysisNewsArticle")
                        : p.kind() == PieceKind.REPORT
                                ? List.of("NewsArticle", "ReportageNewsArticle")
                                : "NewsArticle");
        String url = urls.absolute(p.path());
        ld.put("mainEntityOfPage", Map.of("@type", "WebPage", "@id", url));
        ld.put("url", url);
        ld.put("headline", p.headline());
        if (p.standfirst() != null && !p.standfirst().isBlank()) ld.put("description", p.standfirst());
        if (p.leadPhoto() != null) {
            List<String> images = new ArrayList<>();
            images.add(urls.absolute(p.leadPhoto().url()));
            ld.put("image", images);
        }
        ld.put("datePublished", dateline.iso(p.publishAt()));
        ld.put("dateModified", dateline.iso(p.updatedAt().isAfter(p.publishAt()) ? p.updatedAt() : p.publishAt()));
        List<Map<String, Object>> authors = new ArrayList<>();
        p.authors().forEach(a -> {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("@type", "Person");
            person.put("name", a.name());
            person.put("url", urls.absolute("/authors/" + a.slug()));
            authors.add(person);
        });
        ld.put("author", authors.isEmpty() ? List.of(publisher()) : authors);
        ld.put("publisher", publisher());
        if (p.section() != null && !p.section().isBlank()) ld.put("articleSection", p.section());
        if (!p.tags().isEmpty())
            ld.put("keywords", p.tags().stream().map(Tag::name).toList());
        ld.put("isAccessibleForFree", !gated);
        if (gated) {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("@type", "WebPageElement");
            part.put("isAccessibleForFree", false);
            part.put("cssSelector", ".body");
            ld.put("hasPart", part);
        }
        return write(ld);
    }

    private Map<String, Object> publisher() {
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("@type", "NewsMediaOrganization");
        org.put("name", properties.siteName());
        org.put("url", urls.absolute("/"));
        return org;
    }

    /** JSON that cannot end the script element it sits in: "<", ">" and "&" become \\u escapes. */
    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value)
                    .replace("<", "\\u003c")
                    .replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
