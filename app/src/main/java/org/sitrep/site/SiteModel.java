package org.sitrep.site;

import java.util.List;
import org.sitrep.common.SitrepProperties;
import org.sitrep.web.Dateline;
import org.sitrep.web.Edition;
import org.sitrep.web.PageMeta;
import org.sitrep.web.PublicUrls;
import org.sitrep.web.Section;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the publication's settings in every Spring-rendered page's model as {@code site}, and the
 * site chrome (navigation, a default head) so error pages look like the rest of the site; and the
 * shared formatters every page uses: {@code dateline} (dates in {@code sitrep.zone}) and
 * {@code labels} (enum values in words). The reader's own links come from {@link ReaderNavModel}.
 */
@ControllerAdvice
class SiteModel {
    private final SitrepProperties properties;
    private final SitePages pages;
    private final PublicUrls urls;
    private final Dateline dateline;
    private final Labels labels;

    SiteModel(SitrepProperties properties, SitePages pages, PublicUrls urls, Dateline dateline, Labels labels) {
        this.labels = labels;
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

    /** Enum values in words, for every page (staff pages too). */
    @ModelAttribute("labels")
    Labels labels() {
        return labels;
    }

    /** The edition of the page (English, or the one its /ar/ prefix names): {@code <html lang dir>} and edition links. */
    @ModelAttribute("edition")
    Edition edition(jakarta.servlet.http.HttpServletRequest request) {
        return EditionLocaleResolver.edition(request);
    }

    @ModelAttribute("urls")
    PublicUrls urls() {
        return urls;
    }

    /** The head of a page that has no address of its own (errors): not to be indexed. */
    @ModelAttribute("plainMeta")
    PageMeta plainMeta() {
        return PageMeta.website(properties.siteName(), properties.tagline(), urls.absolute("/"), Feeds.siteWide(urls))
                .hiddenFromSearchEngines();
    }
}
