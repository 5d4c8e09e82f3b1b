-- The newsroom's desk lists pieces by last edit; the photo library lists photos newest first.
CREATE INDEX ix_pieces_updated ON pieces (updated_at);
CREATE INDEX ix_photos_created ON photos (created_at);
