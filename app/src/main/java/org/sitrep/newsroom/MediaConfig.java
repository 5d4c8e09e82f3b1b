package org.sitrep.newsroom;

import java.time.Duration;
import org.sitrep.common.SitrepProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves uploaded photos and renditions; their names never change, so browsers may keep them a year. */
@Configuration
class MediaConfig implements WebMvcConfigurer {
    private final SitrepProperties properties;

    MediaConfig(SitrepProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String location =
                properties.mediaDir().toAbsolutePath().normalize().toUri().toString();
        registry.addResourceHandler("/media/**")
                .addResourceLocations(location.endsWith("/") ? location : location + "/")
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }
}
