-- New images' bytes go to append-only segment files under DATA/images, not into the database: SQLite wrote each
-- image twice (into the write-ahead log, then at the checkpoint into the database file) with about 24 system calls;
-- a segment takes a whole batch's images with one write and one sync before the commit of their rows. A batch whose
-- images weigh less than 64 KiB keeps them in image_bytes, in its one commit. See
-- docs/decisions/006-images-in-segment-files.md.
--
-- An image's row says where its bytes are: log_segment (the file's number) and log_offset; without them, in
-- image_bytes, or (from before V400) in DATA/blobs, until retention deletes them.
ALTER TABLE images ADD COLUMN log_segment INTEGER;
ALTER TABLE images ADD COLUMN log_offset INTEGER;

-- Retention finds the images of a segment it empties; keys grow with time, so inserts append to the index.
CREATE INDEX images_log_segment ON images (log_segment) WHERE log_segment IS NOT NULL;
