-- Analysts' review decisions as labelled examples for the engine's learned stage: one row per reviewed
-- event (its latest decision), exported as JSON Lines for `./sitrep train --with-reviews`. No foreign key:
-- the example outlives the event (a re-analysis may replace an unreviewed one; a reviewed one stays anyway).
CREATE TABLE intel_training_examples (
    event_id        BIGINT        PRIMARY KEY,
    sentence        VARCHAR(4000) NOT NULL,
    event_type      VARCHAR(64)   NOT NULL,          -- ACLED type, or None for a rejected event
    sub_event_type  VARCHAR(64)   NOT NULL,
    actor1          VARCHAR(300),
    actor2          VARCHAR(300),
    place_name      VARCHAR(300),
    country         VARCHAR(8),
    review_action   VARCHAR(16)   NOT NULL,          -- confirmed | corrected | rejected
    engine_version  VARCHAR(100),
    reviewed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
