-- Webhooks. Subscriptions follow Zapier's REST hook contract; events are an outbox written in the
-- transaction of the change that caused them; each event fans out to one delivery per live
-- subscription at that moment; every attempt of a delivery is kept for the delivery log.

CREATE TABLE webhook_subscriptions (
    id               UUID PRIMARY KEY,
    event_type       VARCHAR(64)   NOT NULL,
    target_url       VARCHAR(2000) NOT NULL,
    -- AES-256-GCM (key outside the database); the secret is needed to sign, so it cannot be hashed
    secret_encrypted BYTEA         NOT NULL,
    -- null when made with the admin token (ENGAWA_ADMIN_TOKEN), which belongs to no person
    owner_id         BIGINT        REFERENCES users (id),
    created_at       TIMESTAMPTZ   NOT NULL,
    enabled          BOOLEAN       NOT NULL DEFAULT TRUE,
    disabled_reason  VARCHAR(500),
    disabled_at      TIMESTAMPTZ,
    -- first failure of an unbroken run of failures; cleared by any success
    failing_since    TIMESTAMPTZ,
    -- unsubscribed: kept so that the delivery log still names where events went
    deleted_at       TIMESTAMPTZ,
    CONSTRAINT webhook_subscriptions_disabled_has_reason CHECK (enabled OR disabled_reason IS NOT NULL)
);
CREATE INDEX webhook_subscriptions_live ON webhook_subscriptions (event_type) WHERE enabled AND deleted_at IS NULL;
CREATE INDEX webhook_subscriptions_owner ON webhook_subscriptions (owner_id, created_at DESC) WHERE deleted_at IS NULL;

CREATE TABLE webhook_events (
    id          UUID        PRIMARY KEY,
    type        VARCHAR(64) NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    data        JSONB       NOT NULL,
    -- a "send test event" from the subscriptions page: not a real event, never in the recent list
    test        BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX webhook_events_recent ON webhook_events (type, occurred_at DESC) WHERE NOT test;

CREATE TABLE webhook_deliveries (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id         UUID          NOT NULL REFERENCES webhook_events (id) ON DELETE CASCADE,
    subscription_id  UUID          NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    -- PENDING: not tried yet; FAILED: tried, another attempt is scheduled; DELIVERED; DEAD: given up
    status           VARCHAR(16)   NOT NULL CHECK (status IN ('PENDING', 'FAILED', 'DELIVERED', 'DEAD')),
    -- attempts in the current round of the retry schedule; "Redeliver" starts a new round
    attempts         INT           NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ,
    created_at       TIMESTAMPTZ   NOT NULL,
    -- the latest attempt lives here, so a delivery that works at once costs one row; earlier
    -- attempts move to webhook_attempts when the next one is recorded
    last_attempt_at  TIMESTAMPTZ,
    last_status_code INT,
    last_latency_ms  INT,
    last_error       VARCHAR(1000),
    last_response_excerpt TEXT,
    -- why it is dead: the schedule ran out, the receiver said 410, the subscription went away
    stopped_reason   VARCHAR(1000),
    CONSTRAINT webhook_deliveries_once UNIQUE (event_id, subscription_id),
    CONSTRAINT webhook_deliveries_due_when_open CHECK (status IN ('DELIVERED', 'DEAD') OR next_attempt_at IS NOT NULL)
);
-- what the dispatchers claim: small, because finished deliveries leave it
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status IN ('PENDING', 'FAILED');
CREATE INDEX webhook_deliveries_by_subscription ON webhook_deliveries (subscription_id, id DESC);
-- the log's "failed" and "dead" filters; delivered ones, the bulk, are found through the primary key
CREATE INDEX webhook_deliveries_troubled ON webhook_deliveries (id DESC) WHERE status IN ('FAILED', 'DEAD');

-- attempts before the latest one of each delivery
CREATE TABLE webhook_attempts (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id      BIGINT      NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at     TIMESTAMPTZ NOT NULL,
    -- 0 when no response came (timeout, refused connection, refused target)
    status_code      INT         NOT NULL,
    latency_ms       INT         NOT NULL,
    error            VARCHAR(1000),
    response_excerpt TEXT
);
CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_id, id);
