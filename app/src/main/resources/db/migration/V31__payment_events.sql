-- Payment provider events already processed: a webhook delivered twice (or replayed) changes nothing.
CREATE TABLE payment_events (
    provider     VARCHAR(20)  NOT NULL,
    event_id     VARCHAR(255) NOT NULL,
    event_type   VARCHAR(100) NOT NULL,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (provider, event_id)
);

-- The provider's customer, for its billing portal.
ALTER TABLE subscriptions ADD COLUMN provider_customer VARCHAR(200);
CREATE INDEX ix_subscriptions_provider_ref ON subscriptions (provider, provider_ref);
