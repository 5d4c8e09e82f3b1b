package org.sitrep.analysis.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ACLED's event types and their sub-types, spelled as ACLED spells them; gold must use exactly these,
 * and so must an analyst's correction of an event (public for the app's review forms).
 */
public final class AcledTaxonomy {
    private AcledTaxonomy() {}

    static final Map<String, List<String>> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("Battles", List.of("Armed clash", "Government regains territory",
                "Non-state actor overtakes territory"));
        TYPES.put("Explosions/Remote violence", List.of("Air/drone strike", "Shelling/artillery/missile attack",
                "Suicide bomb", "Remote explosive/landmine/IED", "Grenade", "Chemical weapon"));
        TYPES.put("Violence against civilians", List.of("Attack", "Abduction/forced disappearance",
                "Sexual violence"));
        TYPES.put("Protests", List.of("Peaceful protest", "Protest with intervention",
                "Excessive force against protesters"));
        TYPES.put("Riots", List.of("Violent demonstration", "Mob violence"));
        TYPES.put("Strategic developments", List.of("Agreement", "Arrests", "Change to group/activity",
                "Looting/property destruction", "Non-violent transfer of territory",
                "Headquarters or base established", "Disrupted weapons use", "Other"));
    }

    public static boolean valid(String type, String subType) {
        List<String> subs = TYPES.get(type);
        return subs != null && subs.contains(subType);
    }

    static Set<String> types() { return TYPES.keySet(); }

    /** Every type with its sub-types, in ACLED's order. */
    public static Map<String, List<String>> all() { return java.util.Collections.unmodifiableMap(TYPES); }
}
