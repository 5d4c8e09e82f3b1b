package org.sitrep.monitors;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sitrep.common.SitrepProperties;
import org.sitrep.intel.EventChanges;
import org.sitrep.intel.EventExports;
import org.sitrep.intel.EventLabels;
import org.sitrep.intel.EventPage;
import org.sitrep.intel.EventSearch;
import org.sitrep.intel.TrackedEvent;
import org.sitrep.web.PublicUrls;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * A monitor's mails as a reader gets them. A digest lists the events added or changed in the monitor's view
 * in its window, grouped by place (the busiest first), each with its type, date, actors, evidence sentence and a
 * link to the event, under a small map of them; a surge alert says which area surged and by how much.
 * HTML for mail clients (tables, inline styles; templates/monitors/mail.html) and a plain-text part alike.
 */
@Component
class DigestLetter {
    /** A digest lists at most this many events; the rest are one link away on the tracker. */
    static final int MAX_LISTED = 100;

    /** The rendered mail; {@code html} and {@code text} take the unsubscribe address, different for each mail. */
    record Letter(String subject, String html, String text, Optional<DigestMap.Image> map) {}

    /** One event as the mail lists it. */
    record Line(String badge, String heading, String actors, String evidence, String url) {}

    /** A place and its events. */
    record Group(String place, List<Line> lines) {}

    private final EventChanges changes;
    private final EventLabels labels;
    private final DigestMap map;
    private final PublicUrls urls;
    private final SitrepProperties properties;
    private final SpringTemplateEngine templates;

    DigestLetter(
            EventChanges changes,
            EventLabels labels,
            DigestMap map,
            PublicUrls urls,
            SitrepProperties properties,
            SpringTemplateEngine templates) {
        this.changes = changes;
        this.labels = labels;
        this.map = map;
        this.urls = urls;
        this.properties = properties;
        this.templates = templates;
    }

    /** The events of the view changed in [since, until), oldest change first, the first {@link #MAX_LISTED} and the total. */
    record Changes(List<TrackedEvent> listed, int total) {}

    Changes changed(Monitor m, Instant since, Instant until) {
        List<TrackedEvent> listed = new ArrayList<>();
        int total = 0;
        String cursor = null;
        do {
            EventPage page = changes.changedSince(m.eventFilter(), since, cursor, EventSearch.MAX_PAGE);
            for (TrackedEvent e : page.events()) {
                if (!e.updatedAt().isBefore(until)) return new Changes(listed, total);
                total++;
                if (listed.size() < MAX_LISTED) listed.add(e);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return new Changes(listed, total);
    }

    /** The digest; empty when nothing in the view changed in the window (no digest is sent then). */
    Optional<Letter> digest(Monitor m, Instant since, Instant until) {
        Changes c = changed(m, since, until);
        if (c.total() == 0) return Optional.empty();
        Map<String, List<Line>> byPlace = new LinkedHashMap<>();
        for (TrackedEvent e : c.listed())
            byPlace.computeIfAbsent(place(e), k -> new ArrayList<>()).add(line(e));
        List<Group> groups = new ArrayList<>();
        byPlace.forEach((place, lines) -> groups.add(new Group(place, lines)));
        groups.sort((a, b) -> a.place().equals(UNPLACED)
                ? 1
                : b.place().equals(UNPLACED) ? -1 : b.lines().size() - a.lines().size());
        Optional<DigestMap.Image> image = map.draw(c.listed());
        String period = labels.dates(day(since), day(until.minusSeconds(1)));
        String subject =
                m.name() + ": " + c.total() + (c.total() == 1 ? " new or changed event" : " new or changed events");
        Context ctx = context(m, subject);
        ctx.setVariable("period", period);
        ctx.setVariable("groups", groups);
        ctx.setVariable("total", c.total());
        ctx.setVariable("listed", c.listed().size());
        ctx.setVariable("hasMap", image.isPresent());
        String html = templates.process("monitors/mail", ctx);
        StringBuilder text = new StringBuilder();
        text.append(subject)
                .append("\n")
                .append(period)
                .append("\n")
                .append(Monitor.describe(m.eventFilter()))
                .append("\n\n");
        for (Group g : groups) {
            text.append(g.place().toUpperCase(java.util.Locale.ROOT)).append("\n");
            for (Line l : g.lines()) {
                text.append("- ").append(l.badge()).append(": ").append(l.heading());
                if (!l.actors().isEmpty()) text.append(" (").append(l.actors()).append(")");
                text.append("\n");
                if (l.evidence() != null)
                    text.append("  \"").append(l.evidence()).append("\"\n");
                text.append("  ").append(l.url()).append("\n");
            }
            text.append("\n");
        }
        if (c.total() > c.listed().size()) {
            text.append("And ")
                    .append(c.total() - c.listed().size())
                    .append(" more on the tracker: ")
                    .append(urls.absolute(m.trackerPath()))
                    .append("\n\n");
        }
        return Optional.of(new Letter(subject, html, footer(text, m).toString(), image));
    }

    /** A surge alert: the explanation, and the view on the tracker. */
    Letter surge(Monitor m, String explanation) {
        String subject = "Surge in " + m.name() + ": " + explanation;
        Context ctx = context(m, subject);
        ctx.setVariable("explanation", explanation);
        String html = templates.process("monitors/mail", ctx);
        StringBuilder text = new StringBuilder(explanation)
                .append(".\n\n")
                .append("Monitor: ")
                .append(m.name())
                .append(" (")
                .append(Monitor.describe(m.eventFilter()))
                .append(")\n\n");
        return new Letter(
                subject.length() > 250 ? subject.substring(0, 250) : subject,
                html,
                footer(text, m).toString(),
                Optional.empty());
    }

    private Context context(Monitor m, String subject) {
        Context ctx = new Context();
        ctx.setVariable("site", properties.siteName());
        ctx.setVariable("subject", subject);
        ctx.setVariable("monitor", m);
        ctx.setVariable("watches", Monitor.describe(m.eventFilter()));
        ctx.setVariable("trackerUrl", urls.absolute(m.trackerPath()));
        ctx.setVariable("monitorsUrl", urls.absolute("/monitors"));
        ctx.setVariable("unsubscribeUrl", UNSUBSCRIBE_PLACEHOLDER);
        return ctx;
    }

    /** Each copy's own unsubscribe address replaces this in the rendered mail. */
    static final String UNSUBSCRIBE_PLACEHOLDER = "https://unsubscribe.invalid/placeholder";

    private StringBuilder footer(StringBuilder text, Monitor m) {
        return text.append("Open this view on the tracker: ")
                .append(urls.absolute(m.trackerPath()))
                .append("\n")
                .append("Your monitors: ")
                .append(urls.absolute("/monitors"))
                .append("\n")
                .append("Stop these mails: ")
                .append(UNSUBSCRIBE_PLACEHOLDER)
                .append("\n");
    }

    private Line line(TrackedEvent e) {
        String badge = e.version() == 0 ? "New" : "Updated";
        String heading = e.eventType() + (e.subEventType() == null ? "" : " (" + e.subEventType() + ")") + ", "
                + labels.dates(e.dateEarliest(), e.dateLatest());
        return new Line(
                badge,
                heading,
                labels.actors(e.actor1(), e.actor2()),
                e.evidenceSentence(),
                urls.absolute("/tracker/events/" + e.id()));
    }

    static final String UNPLACED = "Place not known";

    private static String place(TrackedEvent e) {
        if (e.placeName() == null) return UNPLACED;
        StringBuilder s = new StringBuilder(e.placeName());
        if (e.admin1() != null && !e.admin1().equalsIgnoreCase(e.placeName()))
            s.append(", ").append(e.admin1());
        String country = EventExports.countryName(e.country());
        if (country != null) s.append(", ").append(country);
        return s.toString();
    }

    private LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, properties.zone());
    }
}
