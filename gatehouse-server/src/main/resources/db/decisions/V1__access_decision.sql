-- The decision log, in its own database file (decisions.db) so that a durable answer's commit never waits for the
-- event store's write lock. Until 2026-12 this table was in gatehouse.db (db/migration V201); Database.open moves it.
-- One row per answered authorization request (issue #5), written in batches by one writer thread; seq orders rows
-- and pages queries. passage_key stays NULL until the passage record the terminal pushes afterwards is linked.
CREATE TABLE access_decision (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    id            TEXT    NOT NULL UNIQUE,
    decided_at    INTEGER NOT NULL,           -- hub clock, Unix ms
    request_time  INTEGER,                    -- the terminal's timestamp, Unix ms
    device_serial TEXT    NOT NULL,
    camera_id     TEXT,
    door_id       TEXT,
    person_id     TEXT,
    person_name   TEXT,
    pass          INTEGER NOT NULL,
    step          TEXT    NOT NULL,
    reason        TEXT    NOT NULL,
    rule_id       TEXT,
    verify_code   INTEGER,
    tip           TEXT,
    fail_mode     INTEGER NOT NULL,
    elapsed_us    INTEGER NOT NULL,
    detail        TEXT,
    notes         TEXT    NOT NULL,           -- JSON array of strings
    input         TEXT    NOT NULL,           -- JSON: what the terminal asked
    passage_key   TEXT                        -- dedupe key of the linked passage record, later
);
CREATE INDEX access_decision_by_time ON access_decision (decided_at);
CREATE INDEX access_decision_by_device ON access_decision (device_serial, request_time);
CREATE INDEX access_decision_by_person ON access_decision (person_id, decided_at);
