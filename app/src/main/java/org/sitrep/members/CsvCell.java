package org.sitrep.members;

/**
 * One CSV cell. A cell a spreadsheet would read as a formula (=, +, -, @, tab, carriage return
 * first) gets a leading apostrophe, so a reader named "=HYPERLINK(...)" stays text; then the
 * usual RFC 4180 quoting.
 */
public final class CsvCell {
    private CsvCell() {}

    public static String of(String value) {
        if (value == null) return "";
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
