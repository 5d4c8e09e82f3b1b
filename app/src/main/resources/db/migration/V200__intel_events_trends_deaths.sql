-- Trends count reported deaths beside events (the change map's deaths, the weekly deaths series): the change map's
-- covering index gains the fatalities column, so the date window is still read from the index alone (PostgreSQL: an
-- index-only scan; without it every event of the 120 days is a heap fetch). Replaces V140's index of the same name.
DROP INDEX ix_intel_events_trends;
CREATE INDEX ix_intel_events_trends ON intel_events (date_earliest, review_state, country, admin1, event_type, latitude, longitude, fatalities);
