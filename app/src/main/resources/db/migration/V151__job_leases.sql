-- One lease per scheduled job (ShedLock's table): with several instances on one database, a job runs on the
-- instance that holds its lease, and another takes it over when the lease runs out (the holder died).
CREATE TABLE shedlock (
    name       VARCHAR(64) NOT NULL,
    lock_until TIMESTAMP NOT NULL,
    locked_at  TIMESTAMP NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    CONSTRAINT pk_shedlock PRIMARY KEY (name)
);
