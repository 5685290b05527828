-- The device registry (io.gatehouse.server.device). One row per registered terminal or SE box. The password is
-- never stored in clear: password_enc is AES-256-GCM under the key in DATA/device-secret.key (owner-only), with
-- the device id as associated data, so a ciphertext copied to another row does not decrypt.
CREATE TABLE devices (
    id            TEXT    PRIMARY KEY,
    kind          TEXT    NOT NULL CHECK (kind IN ('terminal', 'se-box')),
    name          TEXT,
    spec_json     TEXT    NOT NULL,   -- how to reach it and which channels to use, without the password
    password_enc  TEXT,               -- "v1:" + base64(nonce || ciphertext || tag); NULL: no password
    serial        TEXT,               -- given by the operator or learned from the device
    pinned_sha256 TEXT,               -- the TLS certificate pinned on first contact (lower-case hex)
    push_token    TEXT    NOT NULL UNIQUE,   -- the record-push receiver address's secret part
    auth_token    TEXT    NOT NULL UNIQUE,   -- the remote-authorization receiver address's secret part
    created_at    INTEGER NOT NULL,   -- Unix ms
    updated_at    INTEGER NOT NULL
) WITHOUT ROWID;
