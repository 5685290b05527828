-- Payloads the receivers refused, kept for diagnosis (io.gatehouse.server.ingest.quarantine). Bounded in rows
-- and bytes by the hub (oldest by last_at go first). The same payload from the same device and channel is one
-- row with a count, so a terminal retrying a broken record from its cache every few seconds costs one row.
CREATE TABLE quarantine (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    device_id      TEXT    NOT NULL,
    channel        TEXT    NOT NULL,
    sha256         TEXT    NOT NULL,  -- of the whole payload as received ('' when the body was not read)
    remote_address TEXT,
    status         INTEGER NOT NULL,  -- the HTTP status the device was answered
    error          TEXT    NOT NULL,
    field          TEXT    NOT NULL,
    reason         TEXT    NOT NULL,
    first_at       INTEGER NOT NULL,  -- Unix ms
    last_at        INTEGER NOT NULL,
    times          INTEGER NOT NULL,
    size           INTEGER NOT NULL,  -- bytes received (or announced, for a body too large to read)
    payload        BLOB    NOT NULL,  -- its first bytes, at most 256 KiB
    UNIQUE (device_id, channel, sha256)
);
CREATE INDEX quarantine_by_last ON quarantine (last_at);
