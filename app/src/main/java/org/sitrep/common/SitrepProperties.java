package org.sitrep.common;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every feature reads: where data lives, the publication's name, address and time zone.
 *
 * @param dataDir  root of the data directory (database, search index, media, inbox)
 * @param baseUrl  absolute public URL used in feeds, sitemaps and canonical links
 * @param zone     the publication's time zone: times are stored in UTC and shown in this zone
 * @param sampleContent load the sample pieces on first start of an empty database
 */
@ConfigurationProperties("sitrep")
public record SitrepProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("Sitrep") String siteName,

        @DefaultValue("24/7 news, analyses, memos and reports on armed conflict")
        String tagline,

        @DefaultValue("Asia/Beirut") ZoneId zone,
        @DefaultValue("true") boolean sampleContent) {

    public Path mediaDir() {
        return dataDir.resolve("media");
    }

    public Path indexDir() {
        return dataDir.resolve("index");
    }
}
