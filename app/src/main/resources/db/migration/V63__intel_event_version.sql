-- Each event's version, raised by every change (an analyst's or the engine's): a review action names the version
-- the analyst saw, and one made on an older version is refused, so two analysts never silently overwrite each other.
ALTER TABLE intel_events ADD COLUMN row_version BIGINT DEFAULT 0 NOT NULL;
