-- What operators did to devices through the API, with who asked: remote door openings, accepted certificates,
-- registrations, changes and removals. Append-only.
CREATE TABLE device_audit (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    at             INTEGER NOT NULL,  -- Unix ms
    device_id      TEXT    NOT NULL,
    action         TEXT    NOT NULL,  -- door-command, certificate-accepted, device-added, device-changed, device-removed
    actor          TEXT    NOT NULL,  -- the X-Gatehouse-Actor header, or "admin"
    remote_address TEXT,
    detail         TEXT    NOT NULL,  -- JSON
    outcome        TEXT    NOT NULL   -- "ok", or "failed: reason"
);
CREATE INDEX device_audit_by_device ON device_audit (device_id, seq);
