-- Editions and translations (docs/editions.md). A piece is written in one language (an edition's:
-- en, ar, fa, tr, he) and may be the translation of one original; an original has at most one
-- translation per language. Deleting an original leaves its translations standing on their own.
ALTER TABLE pieces ADD COLUMN language VARCHAR(8) DEFAULT 'en' NOT NULL;
ALTER TABLE pieces ADD COLUMN original_id BIGINT;
ALTER TABLE pieces ADD CONSTRAINT fk_pieces_original FOREIGN KEY (original_id) REFERENCES pieces (id) ON DELETE SET NULL;
-- Who translated it: credited on the byline beside the original's authors.
ALTER TABLE pieces ADD COLUMN translator VARCHAR(200);
-- The lead photo's caption in this piece's language; null shows the photo's own caption.
ALTER TABLE pieces ADD COLUMN lead_photo_caption VARCHAR(2000);
CREATE UNIQUE INDEX uq_pieces_translation ON pieces (original_id, language);
CREATE INDEX ix_pieces_language ON pieces (language, status, publish_at);

