package org.sitrep.site;

import java.util.List;
import org.sitrep.common.SitrepProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the publication's settings in every Spring-rendered page's model as {@code site}, and the
 * site chrome (navigation, dates, a default head) so error pages look like the rest of the site.
 */
@ControllerAdvice
class SiteModel {
    private final SitrepProperties properties;
    private final SitePages pages;
    private final PublicUrls urls;
    private final Dateline dateline;

    SiteModel(SitrepProperties properties, SitePages pages, PublicUrls urls, Dateline dateline) {
        this.properties = properties;
        this.pages = pages;
        this.urls = urls;
        this.dateline = dateline;
    }

    @ModelAttribute("site")
    SitrepProperties site() {
        return properties;
    }

    @ModelAttribute("kinds")
    List<KindNav> kinds() {
        return KindNav.ALL;
    }

    @ModelAttribute("sections")
    List<Section> sections() {
        try {
            return pages.sections();
        } catch (RuntimeException e) {
            return List.of(); // an error page must render even when the database is the error
        }
    }

    @ModelAttribute("dateline")
    Dateline dateline() {
        return dateline;
    }

    @ModelAttribute("urls")
    PublicUrls urls() {
        return urls;
    }

    /** The head of a page that has no address of its own (errors): not to be indexed. */
    @ModelAttribute("plainMeta")
    PageMeta plainMeta() {
        return PageMeta.website(properties.siteName(), properties.tagline(), urls.absolute("/"), Feeds.siteWide(urls)).hiddenFromSearchEngines();
    }
}
