-- The access-control directory (issue #5). Each entry is stored as the JSON document the admin API speaks
-- (doc), the source of truth when the hub loads its snapshot; the columns beside it exist for integrity
-- (keys, references, uniqueness) so that the database refuses what the code would also refuse.

CREATE TABLE access_site (
    id  TEXT PRIMARY KEY,
    doc TEXT NOT NULL
);

CREATE TABLE access_group (
    id  TEXT PRIMARY KEY,
    doc TEXT NOT NULL
);

CREATE TABLE access_schedule (
    id  TEXT PRIMARY KEY,
    doc TEXT NOT NULL
);

CREATE TABLE access_door (
    id            TEXT PRIMARY KEY,
    site_id       TEXT NOT NULL REFERENCES access_site (id),
    device_serial TEXT NOT NULL,
    camera_id     TEXT NOT NULL DEFAULT '',   -- '' for a terminal, the media device id for an SE-box camera
    doc           TEXT NOT NULL,
    UNIQUE (device_serial, camera_id)
);

CREATE TABLE access_person (
    id   TEXT PRIMARY KEY,                    -- the terminal's user_id
    type TEXT NOT NULL CHECK (type IN ('employee', 'visitor', 'blacklisted')),
    doc  TEXT NOT NULL
);

CREATE TABLE access_person_group (
    person_id TEXT NOT NULL REFERENCES access_person (id) ON DELETE CASCADE,
    group_id  TEXT NOT NULL REFERENCES access_group (id),
    PRIMARY KEY (person_id, group_id)
);
CREATE INDEX access_person_group_by_group ON access_person_group (group_id);

CREATE TABLE access_person_card (
    card      TEXT PRIMARY KEY,               -- a card opens for one person only
    person_id TEXT NOT NULL REFERENCES access_person (id) ON DELETE CASCADE
);
CREATE INDEX access_person_card_by_person ON access_person_card (person_id);

CREATE TABLE access_rule (
    id          TEXT PRIMARY KEY,
    person_id   TEXT REFERENCES access_person (id),
    group_id    TEXT REFERENCES access_group (id),
    door_id     TEXT REFERENCES access_door (id),
    site_id     TEXT REFERENCES access_site (id),
    schedule_id TEXT REFERENCES access_schedule (id),
    effect      TEXT NOT NULL CHECK (effect IN ('allow', 'deny')),
    doc         TEXT NOT NULL,
    CHECK ((person_id IS NULL) <> (group_id IS NULL)),
    CHECK ((door_id IS NULL) <> (site_id IS NULL))
);

CREATE TABLE access_passback (
    id            TEXT PRIMARY KEY,
    entry_door_id TEXT NOT NULL REFERENCES access_door (id),
    exit_door_id  TEXT NOT NULL REFERENCES access_door (id),
    doc           TEXT NOT NULL
);

-- operator overrides of the built-in screen tips
CREATE TABLE access_tip (
    language TEXT NOT NULL,
    outcome  TEXT NOT NULL,
    template TEXT NOT NULL,
    PRIMARY KEY (language, outcome)
);
