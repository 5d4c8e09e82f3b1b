package org.sitrep.site;

import org.sitrep.common.SitrepProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the publication's settings in every page's model as {@code site}. */
@ControllerAdvice
class SiteModel {
    private final SitrepProperties properties;

    SiteModel(SitrepProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("site")
    SitrepProperties site() {
        return properties;
    }
}
