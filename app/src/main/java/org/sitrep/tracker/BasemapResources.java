package org.sitrep.tracker;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The basemap and map libraries under {@code /tracker/vendor/} (3 MB of boundaries, fetched from npm when the app
 * is built) change only with a new build, so browsers keep them a day and then revalidate by Last-Modified instead of
 * fetching them for every map. Private: the tracker is for signed-in staff, and a shared cache has no business there.
 */
@Configuration
class BasemapResources implements WebMvcConfigurer {
    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofDays(1)).cachePrivate();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/tracker/vendor/**")
                .addResourceLocations("classpath:/static/tracker/vendor/")
                .setCacheControl(CACHE);
    }
}
