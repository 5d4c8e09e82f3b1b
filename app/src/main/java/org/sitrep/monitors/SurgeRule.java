package org.sitrep.monitors;

import java.util.Locale;

/**
 * When an area's events surge, and how to say so. An area (an admin-1 division: a governorate, province or state)
 * surges when its events in the last 7 days are at least {@link #MIN_EVENTS} and at least {@link #RATIO} times its
 * weekly average over the 8 weeks before them. The average is taken as at least {@link #FLOOR} a week, so an area
 * that was quiet needs {@code MIN_EVENTS} events to alert, not one; and the minimum keeps a move from 1 to 3 events
 * (three times, but noise) silent. docs/monitors.md gives the rule and why.
 */
record SurgeRule(int minEvents, double ratio, double floor) {
    static final int MIN_EVENTS = 10;
    static final double RATIO = 3.0;
    static final double FLOOR = 1.0;
    static final int BASELINE_WEEKS = 8;

    static SurgeRule standard() {
        return new SurgeRule(MIN_EVENTS, RATIO, FLOOR);
    }

    /** A surge found: the week's count, the baseline's weekly average, and the explanation a reader gets. */
    record Surge(String area, String label, long thisWeek, double weeklyAverage) {
        double times() {
            return thisWeek / Math.max(weeklyAverage, FLOOR);
        }

        /** "Aleppo, Syria: 23 events this week, 3.8× its 8-week average (6.0 a week)". */
        String explanation() {
            if (weeklyAverage == 0) {
                return label + ": " + thisWeek + " events this week, none in the " + BASELINE_WEEKS + " weeks before";
            }
            return String.format(
                    Locale.ROOT,
                    "%s: %d events this week, %.1f× its %d-week average (%.1f a week)",
                    label,
                    thisWeek,
                    thisWeek / weeklyAverage,
                    BASELINE_WEEKS,
                    weeklyAverage);
        }
    }

    /** Whether {@code thisWeek} events against {@code baselineTotal} over the 8 weeks before is a surge. */
    boolean surges(long thisWeek, long baselineTotal) {
        double average = baselineTotal / (double) BASELINE_WEEKS;
        return thisWeek >= minEvents && thisWeek >= ratio * Math.max(average, floor);
    }
}
