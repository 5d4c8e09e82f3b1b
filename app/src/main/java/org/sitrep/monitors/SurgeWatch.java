package org.sitrep.monitors;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sitrep.common.SitrepProperties;
import org.sitrep.intel.EventExports;
import org.sitrep.intel.EventFilter;
import org.sitrep.intel.EventSearch;
import org.springframework.stereotype.Component;

/**
 * Looks for surges in a monitor's areas ({@link SurgeRule}) and queues one alert per surging area, at most one an
 * area in any 7 days. The weeks are counted by event date in the publication's zone: the last 7 days up to today,
 * and the 56 days before them.
 */
@Component
class SurgeWatch {
    private final EventSearch search;
    private final MonitorMails mails;
    private final Clock clock;
    private final SitrepProperties properties;
    private final SurgeRule rule = SurgeRule.standard();

    SurgeWatch(EventSearch search, MonitorMails mails, Clock clock, SitrepProperties properties) {
        this.search = search;
        this.mails = mails;
        this.clock = clock;
        this.properties = properties;
    }

    /** The monitor's surging areas now. */
    List<SurgeRule.Surge> surges(Monitor m) {
        EventFilter view = m.eventFilter().withDates(null, null);
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        LocalDate weekStart = today.minusDays(6);
        Map<String, Long> before = new HashMap<>();
        for (EventSearch.AreaCount a : search.perArea(
                view.withDates(weekStart.minusDays(7L * SurgeRule.BASELINE_WEEKS), weekStart.minusDays(1)))) {
            before.put(key(a), a.count());
        }
        List<SurgeRule.Surge> out = new ArrayList<>();
        for (EventSearch.AreaCount a : search.perArea(view.withDates(weekStart, today))) {
            long baseline = before.getOrDefault(key(a), 0L);
            if (rule.surges(a.count(), baseline)) {
                out.add(new SurgeRule.Surge(key(a), label(a), a.count(), baseline / (double) SurgeRule.BASELINE_WEEKS));
            }
        }
        return out;
    }

    /** Queues an alert for each surge not alerted in the last 7 days; returns how many. */
    int check(Monitor m) {
        int queued = 0;
        for (SurgeRule.Surge s : surges(m)) {
            if (mails.alertedSince(m.id(), s.area(), clock.instant().minus(Duration.ofDays(7)))) continue;
            mails.queueSurge(m.id(), s.area(), s.explanation());
            queued++;
        }
        return queued;
    }

    private static String key(EventSearch.AreaCount a) {
        String area = a.country() + "/" + a.admin1();
        return area.length() > 210 ? area.substring(0, 210) : area;
    }

    private static String label(EventSearch.AreaCount a) {
        return a.admin1() + ", " + EventExports.countryName(a.country());
    }
}
