-- Gifts paid through Stripe Checkout (issue 17): the gift is recorded when the buyer goes to
-- Checkout and is paid (paid_at set, a fresh link token mailed) when Stripe's webhook says so.
-- Until then paid_at is NULL and the row cannot be redeemed. provider_ref: the Checkout session.
ALTER TABLE gifts ALTER COLUMN paid_at DROP NOT NULL;
ALTER TABLE gifts ADD COLUMN provider_ref VARCHAR(255);
