package org.sitrep.analysis.places;

import java.util.List;
import org.sitrep.analysis.Precision;

/**
 * One gazetteer feature as written to and read from the compact file.
 *
 * @param id          GeoNames id; negative for features Sitrep derived or curated itself
 * @param admin1      first-level division's name ("Aleppo", "Idlib"), empty if none
 * @param population  0 when unknown
 * @param alternateNames other names it goes by (Latin script only: the engine reads English text)
 */
public record GazetteerEntry(
        long id,
        String name,
        double lat,
        double lon,
        String featureCode,
        String country,
        String admin1,
        long population,
        List<String> alternateNames) {

    public Precision precision() {
        return precisionOf(featureCode);
    }

    /** Precision for a GeoNames feature code. */
    public static Precision precisionOf(String code) {
        if (code.startsWith("PCL") || code.equals("TERR") || code.equals("CONT") || code.equals("OCN"))
            return Precision.COUNTRY;
        if (code.equals("ADM1") || code.equals("ADM1H") || code.equals("RGN")) return Precision.ADMIN1;
        if (code.startsWith("ADM")) return Precision.ADMIN2;
        if (code.equals("PPLX") || code.equals("PPLL") || code.equals("PPLQ") || code.equals("BLDG"))
            return Precision.NEIGHBOURHOOD;
        return Precision.CITY;
    }

    /** True if a name is worth indexing for English text: Latin script, no digits, not a bare code. */
    public static boolean usableName(String s) {
        if (s == null || s.isBlank() || s.length() > 60) return false;
        boolean upper = true;
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) return false;
            if (Character.isLetter(c)) {
                letters++;
                if (!(c < 0x250 || c >= 0x1E00 && c <= 0x1EFF)) return false;
                if (Character.isLowerCase(c)) upper = false;
            }
        }
        return letters > 1 && !(upper && letters <= 3);
    }
}
