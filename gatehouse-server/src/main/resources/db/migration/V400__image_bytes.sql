-- The bytes of each image, in the database beside its row. Before this, each image was a file under DATA/blobs
-- with two fsyncs of its own (the file, its directory) ahead of its event's commit; here an image becomes durable
-- with the commit of the events that show it, a whole batch for one fsync. An image stored before this migration
-- has no row here and stays in its file until retention deletes it.
CREATE TABLE image_bytes (
    sha256 TEXT NOT NULL PRIMARY KEY REFERENCES blobs (sha256) ON DELETE CASCADE,
    bytes  BLOB NOT NULL
);
