package org.sitrep.common;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A write we acknowledge is on disk, on the embedded H2 database too. H2 keeps the newest commits
 * in memory for up to half a second ({@code WRITE_DELAY}, 500 ms by default) and writes them from a
 * background thread, so a {@code kill -9} or a full disk in that moment loses a piece the editor saw
 * saved. With {@code WRITE_DELAY=0} the committing thread writes the commit to the file before the
 * commit returns, and a failed write fails the commit (and so the request) instead of being found
 * later. The default URL in application.properties says so; this adds it to any other H2 file URL
 * that does not choose a delay itself.
 */
public class DurableH2 implements EnvironmentPostProcessor {
    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url");
        if (!isH2File(url) || url.toUpperCase(Locale.ROOT).contains("WRITE_DELAY=")) return;
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "sitrep-durable-h2", Map.of("spring.datasource.url", url + ";WRITE_DELAY=0")));
    }

    static boolean isH2File(String url) {
        if (url == null) return false;
        String u = url.toLowerCase(Locale.ROOT);
        return u.startsWith("jdbc:h2:file:")
                || (u.startsWith("jdbc:h2:")
                        && !u.startsWith("jdbc:h2:mem:")
                        && !u.startsWith("jdbc:h2:tcp:")
                        && !u.startsWith("jdbc:h2:ssl:")
                        && !u.startsWith("jdbc:h2:zip:"));
    }
}
