-- Stripe webhooks arrive out of order and more than once (issue 12, item 6). Each event is kept with
-- what was done with it, so an event deliberately ignored is answered 2xx and can still be looked up.
ALTER TABLE payment_events ADD COLUMN event_created TIMESTAMP WITH TIME ZONE;   -- the provider's "created"
ALTER TABLE payment_events ADD COLUMN subscription_ref VARCHAR(200);           -- the provider's subscription id
ALTER TABLE payment_events ADD COLUMN outcome VARCHAR(20);                     -- APPLIED, IGNORED, STALE, WAITING
ALTER TABLE payment_events ADD COLUMN note VARCHAR(500);                       -- why, in words
-- A subscription snapshot that came before the checkout it belongs to, applied when the checkout arrives.
ALTER TABLE payment_events ADD COLUMN snapshot VARCHAR(1000000);
CREATE INDEX ix_payment_events_subscription ON payment_events (provider, subscription_ref);

-- The provider's time of the newest event applied to a subscription: an older snapshot never goes over it.
ALTER TABLE subscriptions ADD COLUMN provider_event_at TIMESTAMP WITH TIME ZONE;
-- One row per provider subscription, so two events racing to create it cannot both succeed.
DROP INDEX ix_subscriptions_provider_ref;
CREATE UNIQUE INDEX uq_subscriptions_provider_ref ON subscriptions (provider, provider_ref);
