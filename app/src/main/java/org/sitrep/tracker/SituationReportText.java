package org.sitrep.tracker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sitrep.intel.EventFilterParams;
import org.sitrep.intel.EventTrends;
import org.sitrep.intel.TrackedEvent;

/**
 * The wording of a drafted situation report: fixed sentences with the figures put in, in Markdown for the piece's
 * body. Text from articles (titles, places, actors, source names) is escaped, so a title cannot become a link,
 * a table cell or markup.
 */
final class SituationReportText {
    private SituationReportText() {}

    static String body(SituationReports.Request r, SituationReports.Figures f, String where, String period) {
        StringBuilder b = new StringBuilder();
        b.append("**Summary.** From ")
                .append(period)
                .append(", Sitrep recorded ")
                .append(eventsWord(f.events()))
                .append(" in ")
                .append(escape(where));
        if (!f.byType().isEmpty()) b.append(": ").append(types(f.byType()));
        b.append(". That is ")
                .append(against(f.events(), f.previous()))
                .append(" the previous period of the same length (")
                .append(SituationReports.DAY.format(r.previousFrom()))
                .append(" to ")
                .append(SituationReports.DAY.format(r.previousTo()))
                .append(": ")
                .append(eventsWord(f.previous()))
                .append(").");
        List<EventTrends.AreaCount> busiest =
                f.areas().stream().filter(a -> a.admin1() != null).limit(3).toList();
        if (!busiest.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (EventTrends.AreaCount a : busiest)
                parts.add(escape(a.admin1() + ", " + a.country()) + " (" + eventsWord(a.events()) + ")");
            b.append(busiest.size() == 1 ? " The busiest area was " : " The busiest areas were ")
                    .append(list(parts))
                    .append('.');
        }
        b.append("\n\n## Key events\n\n");
        if (f.keyEvents().isEmpty()) {
            b.append("No events were recorded in this period.\n");
        } else {
            b.append("| Date | Type | Where | Who | Source |\n|---|---|---|---|---|\n");
            for (TrackedEvent e : f.keyEvents()) {
                String place =
                        e.placeName() == null ? "" : e.placeName() + (e.country() == null ? "" : ", " + e.country());
                String who =
                        e.actor1() == null ? "" : e.actor1() + (e.actor2() == null ? "" : " against " + e.actor2());
                b.append("| ")
                        .append(SituationReports.DAY.format(e.dateEarliest()))
                        .append(" | ")
                        .append(escape(e.eventType()))
                        .append(" | ")
                        .append(escape(place))
                        .append(" | ")
                        .append(escape(who))
                        .append(" | ")
                        .append(cite(e.source()))
                        .append(" |\n");
            }
        }
        b.append("\n## Sources\n\n");
        if (f.sources().isEmpty()) b.append("None.\n");
        for (TrackedEvent.Source s : f.sources()) {
            b.append("- ")
                    .append(cite(s))
                    .append(", ")
                    .append(SituationReports.DAY.format(s.publishedOn()))
                    .append('\n');
        }
        b.append("\n---\n\n*Drafted from the tracker's events: ");
        List<String> views = new ArrayList<>();
        for (String c : r.countries()) {
            views.add("[" + c + "](/tracker?" + EventFilterParams.queryString(r.filter(c, r.from(), r.to())) + ")");
        }
        b.append(String.join(", ", views)).append(".*\n");
        return b.toString();
    }

    /** "[title](url) (source)", the link only when the source's address is http(s). */
    static String cite(TrackedEvent.Source s) {
        String title = escape(s.title() == null || s.title().isBlank() ? "Untitled" : s.title());
        String url = SituationReports.link(s);
        String linked = url == null
                ? title
                : "[" + title + "](<"
                        + url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20") + ">)";
        return linked + " (" + escape(s.name()) + ")";
    }

    static String eventsWord(long n) {
        return n + (n == 1 ? " event" : " events");
    }

    /** "up by 8 (24%) on", "down by 3 (10%) on", "the same number as in", "up from none in". */
    static String against(long now, long before) {
        if (now == before) return "the same number as in";
        if (before == 0) return "up from none in";
        long percent = Math.round(100.0 * Math.abs(now - before) / before);
        return (now > before ? "up by " : "down by ") + Math.abs(now - before) + " (" + percent + "%) on";
    }

    private static String types(Map<String, Long> byType) {
        List<String> parts = new ArrayList<>();
        byType.forEach((t, n) -> parts.add(n + " " + escape(t)));
        return list(parts);
    }

    private static String list(List<String> parts) {
        if (parts.size() == 1) return parts.get(0);
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    /** Text from an article as literal Markdown: every punctuation character that could start markup escaped, one line. */
    static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '\n' || c == '\r' || c == '\t') b.append(' ');
            else if ("\\`*_{}[]()<>#+-.!|~&".indexOf(c) >= 0) b.append('\\').append(c);
            else if (c >= 0x20) b.append(c);
        }
        return b.toString();
    }
}
