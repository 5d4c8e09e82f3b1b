-- A situation report drafted from the tracker's events: which piece, the query it was built from (the tracker's
-- filter parameters, one line per area) and the data version (events matched, the newest change) at that moment.
CREATE TABLE tracker_situation_reports (
    piece_id      BIGINT PRIMARY KEY REFERENCES pieces (id) ON DELETE CASCADE,
    query         VARCHAR(4000) NOT NULL,
    data_version  VARCHAR(400)  NOT NULL,
    drafted_by    VARCHAR(320)  NOT NULL,
    drafted_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
