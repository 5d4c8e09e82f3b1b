package org.sitrep.tracker;

import java.util.List;
import org.sitrep.intel.EventFilter;
import org.sitrep.intel.EventFilterParams;
import org.sitrep.intel.EventTrends;
import org.springframework.stereotype.Component;

/** The trends section (templates/tracker/trends.html) for a filter: the trends page, place and actor pages show it. */
@Component
class TrendViews {
    /** Everything the section shows; {@code query} is the filter as a query string, for the download links. */
    record Trends(
            EventTrends.Weekly weekly,
            String chartSvg,
            EventTrends.Changes changes,
            List<EventTrends.NewActor> newActors,
            String query) {
        public List<EventTypes.Key> keys() {
            return weekly.types().stream().map(EventTypes::of).toList();
        }
    }

    private final EventTrends trends;

    TrendViews(EventTrends trends) {
        this.trends = trends;
    }

    Trends of(EventFilter filter) {
        EventTrends.Weekly weekly = trends.weekly(filter);
        return new Trends(
                weekly,
                weekly.asOf() == null ? null : TrendChart.svg(weekly, "Events per week by type"),
                trends.changes(filter),
                trends.newActors(filter),
                EventFilterParams.queryString(filter));
    }
}
