-- Forwarding targets: systems that receive every stored event matching a filter, in store order. The cursor is the
-- sequence number of the last event the target acknowledged; delivery resumes after it, also after a restart.
CREATE TABLE forward_targets (
    id             TEXT    PRIMARY KEY,
    url            TEXT    NOT NULL,
    secret_sealed  TEXT    NOT NULL,  -- the HMAC key, encrypted with the data directory's device secret key
    filter         TEXT    NOT NULL,  -- JSON object of event-query parameters, {} for every event
    enabled        INTEGER NOT NULL,
    cursor         INTEGER NOT NULL,
    created_at     INTEGER NOT NULL,  -- Unix ms
    updated_at     INTEGER NOT NULL
);
