package org.sitrep.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (test-only WebJar) run in the browser's current page against WCAG 2.2 A/AA and best
 * practice: the one accessibility check every browser test uses.
 */
public final class Axe {
    private static final String SCRIPT = load();

    private Axe() {}

    /** Serious and critical violations on the page now loaded, as "rule (impact): target" lines. */
    public static List<String> seriousViolations(WebDriver browser) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(SCRIPT);
        String json = String.valueOf(js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                + ".catch(function (e) { done('ERROR ' + e); });"));
        if (json.startsWith("ERROR")) throw new IllegalStateException("axe-core failed: " + json);
        List<String> found = new ArrayList<>();
        for (JsonNode v : new ObjectMapper().readTree(json)) {
            String impact = v.path("impact").asText();
            if (impact.equals("serious") || impact.equals("critical")) {
                for (JsonNode node : v.path("nodes"))
                    found.add(v.path("id").asText() + " (" + impact + "): " + node.path("target"));
            }
        }
        return found;
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            if (in == null) throw new IllegalStateException("axe-core WebJar missing from the test classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
