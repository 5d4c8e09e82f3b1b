-- Newsletters per edition (docs/editions.md): the language a member reads each newsletter in. A piece
-- of an issue without a live translation in that language goes out in its own (English) words.
ALTER TABLE newsletter_subscriptions ADD COLUMN language VARCHAR(8) DEFAULT 'en' NOT NULL;
