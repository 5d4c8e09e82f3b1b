-- The deaths reported for an event (issue 18): the figure ACLED's way (the lowest credible one) and the range the
-- words allow, and the words it was read from with their offsets in the document's text. All null: the text says
-- nothing of deaths (0 is a report of none). An analyst's correction sets the figure (low = high = it).
ALTER TABLE intel_events ADD COLUMN fatalities INTEGER;
ALTER TABLE intel_events ADD COLUMN fatalities_low INTEGER;
ALTER TABLE intel_events ADD COLUMN fatalities_high INTEGER;
ALTER TABLE intel_events ADD COLUMN fatalities_text VARCHAR(500);
ALTER TABLE intel_events ADD COLUMN fatalities_start INTEGER;
ALTER TABLE intel_events ADD COLUMN fatalities_end INTEGER;
