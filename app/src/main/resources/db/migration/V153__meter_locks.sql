-- The exact meter with several instances: one row per reader and month, locked (SELECT ... FOR UPDATE) while
-- that reader's read is counted, so two pages opened at once on two instances cannot both take the last free piece.
CREATE TABLE meter_locks (
    reader      VARCHAR(80) NOT NULL,
    read_month  VARCHAR(7)  NOT NULL,
    CONSTRAINT pk_meter_locks PRIMARY KEY (reader, read_month)
);
