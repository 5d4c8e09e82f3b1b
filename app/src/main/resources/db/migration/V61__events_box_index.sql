-- Map views over a narrow box: every column the box, date and review-state conditions and the page order
-- need, so H2 can pick a page's ids from the index alone instead of fetching each event in the box's
-- longitude band (EventSearch reads ids first, then the page's rows).
CREATE INDEX ix_intel_events_box_dates ON intel_events (longitude, latitude, date_earliest, date_latest, review_state, id);
