-- A feed entry's linked article: whether a feed source has each new entry's page fetched (the
-- article then becomes the story's text), and the raw copy of that page beside the feed's.
-- On for every source, existing ones included: most feeds carry only a one-line summary.

ALTER TABLE ingest_sources ADD COLUMN fetch_linked BOOLEAN DEFAULT TRUE NOT NULL;

ALTER TABLE ingest_copies ADD COLUMN page_sha256 VARCHAR(64);    -- the linked page as it arrived, or null
ALTER TABLE ingest_copies ADD COLUMN page_bytes BIGINT;
