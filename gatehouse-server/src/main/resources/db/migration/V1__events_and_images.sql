-- Events and alarms in one table (the "type" column tells them apart) so that one sequence orders
-- everything the hub stored: the API pages by it and the live stream resumes from it.
-- AUTOINCREMENT: a sequence number is never reused, even after retention deleted the newest rows.
CREATE TABLE events (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    dedupe_key    TEXT    NOT NULL UNIQUE,
    type          TEXT    NOT NULL CHECK (type IN ('access', 'alarm')),
    kind          TEXT,              -- access: PASSAGE | AUTHORIZATION_REQUEST; alarms: NULL
    device_id     TEXT    NOT NULL,  -- the hub's id of the registered device that delivered it
    device_serial TEXT    NOT NULL,  -- the serial the event names
    camera_id     TEXT,
    channel       TEXT    NOT NULL,
    occurred_at   INTEGER NOT NULL,  -- Unix milliseconds, as the device reported it
    received_at   INTEGER NOT NULL,  -- Unix milliseconds, when the hub received it
    late_by_ms    INTEGER,           -- set when received later than the late threshold
    person_id     TEXT,
    person_name   TEXT,
    passed        INTEGER,           -- 1 passed, 0 refused, NULL not said
    alarm_code    INTEGER,
    alarm_status  INTEGER,
    event_json    TEXT    NOT NULL,  -- the neutral event's JSON view
    payload_json  TEXT    NOT NULL   -- the device's payload, image strings replaced by blob references
);

CREATE INDEX events_occurred_at ON events (occurred_at);
CREATE INDEX events_device ON events (device_id, seq);
CREATE INDEX events_person ON events (person_id, seq);

-- One row per image file under DATA/blobs; the file is named by the SHA-256 of its bytes.
CREATE TABLE blobs (
    sha256     TEXT    PRIMARY KEY,
    size       INTEGER NOT NULL,
    media_type TEXT    NOT NULL,
    stored_at  INTEGER NOT NULL
) WITHOUT ROWID;

-- Which event shows which image. Deleting an event deletes its rows here; a blob is deleted only when no
-- row here references it (the foreign key refuses anything else).
CREATE TABLE event_images (
    seq      INTEGER NOT NULL REFERENCES events (seq) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    sha256   TEXT    NOT NULL REFERENCES blobs (sha256),
    kind     TEXT    NOT NULL,
    PRIMARY KEY (seq, position)
) WITHOUT ROWID;

CREATE INDEX event_images_sha256 ON event_images (sha256);

-- The readiness check writes here to prove the database takes writes.
CREATE TABLE store_probe (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    probed_at INTEGER NOT NULL
);
