-- A client keeping a copy of the events asks what changed since its last visit: events by update time (keyset-paged
-- on updated_at, id), and the ids of events that left the set. Rejected and merged events keep their rows (their
-- state says so); a machine event the engine no longer finds is deleted, so its id is written here when it goes.
CREATE INDEX ix_intel_events_updated ON intel_events (updated_at, id);

CREATE TABLE intel_event_withdrawals (
    event_id      BIGINT PRIMARY KEY,                  -- the deleted event's id (ids are never reused)
    withdrawn_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_intel_event_withdrawals_at ON intel_event_withdrawals (withdrawn_at, event_id);
