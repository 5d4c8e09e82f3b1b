package org.sitrep.common;

import java.util.Set;

/**
 * Announced (as a Spring application event) when named settings change, such as the paywall's
 * wording: whatever shows them, like the site's page cache, drops its copies. The feature that
 * changes a setting need not know who shows it.
 *
 * @param names the settings that changed
 */
public record SettingsChanged(Set<String> names) implements SharedChange {
    public SettingsChanged {
        names = Set.copyOf(names);
    }
}
