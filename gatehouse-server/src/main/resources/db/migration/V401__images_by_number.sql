-- Images keyed by a number, found by their hash. Before this an image's SHA-256, as 64 hex characters, keyed three
-- b-trees (blobs, the key index of image_bytes, event_images_sha256): three random leaves written for every new image,
-- since hashes arrive in no order. Now the image's row and its bytes are appended under a number that grows with
-- time, event_images refers to that number (appended too), and only the hash index, 32 bytes per key, takes a random
-- leaf. See docs/PERFORMANCE.md, "Images keyed by a number".
--
-- An image whose bytes have no row in image_bytes is one an earlier hub kept as a file under DATA/blobs (before V400);
-- it stays there, named by its hash in hex, until retention deletes it.
CREATE TABLE images (
    id         INTEGER PRIMARY KEY,
    sha256     BLOB    NOT NULL UNIQUE CHECK (length(sha256) = 32),
    size       INTEGER NOT NULL,
    media_type TEXT    NOT NULL,
    stored_at  INTEGER NOT NULL
);

CREATE TABLE image_bytes_by_id (
    id    INTEGER PRIMARY KEY REFERENCES images (id) ON DELETE CASCADE,
    bytes BLOB    NOT NULL
);

CREATE TABLE event_images_by_id (
    seq      INTEGER NOT NULL REFERENCES events (seq) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    image    INTEGER NOT NULL REFERENCES images (id),
    kind     TEXT    NOT NULL,
    PRIMARY KEY (seq, position)
) WITHOUT ROWID;

-- Oldest first, so that the numbers keep the order the images came in.
INSERT INTO images (sha256, size, media_type, stored_at)
SELECT unhex(sha256), size, media_type, stored_at FROM blobs ORDER BY stored_at, sha256;

INSERT INTO image_bytes_by_id (id, bytes)
SELECT i.id, b.bytes FROM image_bytes b JOIN images i ON i.sha256 = unhex(b.sha256) ORDER BY i.id;

INSERT INTO event_images_by_id (seq, position, image, kind)
SELECT e.seq, e.position, i.id, e.kind FROM event_images e JOIN images i ON i.sha256 = unhex(e.sha256);

DROP TABLE event_images;
DROP TABLE image_bytes;
DROP TABLE blobs;

ALTER TABLE image_bytes_by_id RENAME TO image_bytes;
ALTER TABLE event_images_by_id RENAME TO event_images;

-- Retention asks whether any event still shows an image.
CREATE INDEX event_images_image ON event_images (image);
