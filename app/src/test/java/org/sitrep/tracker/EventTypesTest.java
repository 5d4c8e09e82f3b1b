package org.sitrep.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sitrep.analysis.EventType;

/** The tracker's map key follows the analysis library's taxonomy, on the server and in the map script. */
class EventTypesTest {

    @Test
    void everyEventTypeHasOneKeyInAcledOrder() {
        assertThat(EventTypes.KEYS)
                .extracting(EventTypes.Key::type)
                .containsExactlyElementsOf(Arrays.stream(EventType.values())
                        .filter(EventType::isEvent)
                        .toList());
        assertThat(EventTypes.KEYS).extracting(EventTypes.Key::letter).doesNotHaveDuplicates();
        assertThat(EventTypes.of("Explosions/Remote violence").letter()).isEqualTo("E");
        assertThat(EventTypes.of("None").name())
                .as("not an event type: the 'other' key")
                .isEqualTo("Other");
        assertThat(EventTypes.of(null).css()).isEqualTo("other");
    }

    @Test
    void theMapScriptHasTheSameKeys() throws Exception {
        String script;
        try (InputStream in = EventTypesTest.class.getResourceAsStream("/static/tracker/trackermap.js")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = Pattern.compile("\\{ name: '([^']+)', letter: '([^']+)', css: '([^']+)' }")
                .matcher(script);
        List<String> inScript = new ArrayList<>();
        while (m.find()) {
            if (!m.group(1).equals("Other")) inScript.add(m.group(1) + "|" + m.group(2) + "|" + m.group(3));
        }
        assertThat(inScript)
                .containsExactlyElementsOf(EventTypes.KEYS.stream()
                        .map(k -> k.name() + "|" + k.letter() + "|" + k.css())
                        .toList());
    }
}
