-- Trends (EventTrends): the change map groups a date window's events by area, so every column it reads is in one
-- index led by the date; the weekly chart's database path (filters the map index does not answer) walks it too.
CREATE INDEX ix_intel_events_trends ON intel_events (date_earliest, review_state, country, admin1, event_type, latitude, longitude);
-- New actors: "was this actor in this country before?" is one index probe per candidate, on either side.
CREATE INDEX ix_intel_events_actor1_area ON intel_events (actor1, country, date_earliest);
CREATE INDEX ix_intel_events_actor2_area ON intel_events (actor2, country, date_earliest);
