-- Notifications (issue 18): what concerns a person, in the portal and by e-mail, from the domain
-- events of the other features. A notification keeps its message key and arguments, so it is
-- written once and read in whichever language its reader has chosen by then.

CREATE TABLE notifications (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient_id BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    topic        VARCHAR(40)  NOT NULL,
    -- the message key; its arguments as a JSON array of {"en": ..., "ja": ...} or plain text
    message      VARCHAR(80)  NOT NULL,
    args         JSONB        NOT NULL DEFAULT '[]',
    -- a path inside the portal, e.g. /office-hours/sessions/412
    link         VARCHAR(500) NOT NULL,
    -- set for what may be produced twice (a scheduled reminder): the second one is not written
    dedupe_key   VARCHAR(200) UNIQUE,
    created_at   TIMESTAMPTZ  NOT NULL,
    read_at      TIMESTAMPTZ
);
CREATE INDEX notifications_inbox ON notifications (recipient_id, id DESC);
-- the bell: unread per person, read from this small index alone
CREATE INDEX notifications_unread ON notifications (recipient_id) WHERE read_at IS NULL;
CREATE INDEX notifications_old ON notifications (created_at);

-- How each person wants to hear about each topic: by e-mail (and in the portal), in the portal
-- only, or not at all. A missing row means the topic's default.
CREATE TABLE notification_preferences (
    user_id BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    topic   VARCHAR(40) NOT NULL,
    channel VARCHAR(10) NOT NULL CHECK (channel IN ('EMAIL', 'PORTAL', 'OFF')),
    PRIMARY KEY (user_id, topic)
);

-- A person's time zone (learnt from their browser until they choose one), the language their
-- browser showed Engawa in last (for e-mails, until they choose one in their profile), quiet hours
-- and digest.
CREATE TABLE notification_settings (
    user_id          BIGINT      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    time_zone        VARCHAR(64) NOT NULL,
    browser_language VARCHAR(16),
    zone_chosen      BOOLEAN     NOT NULL DEFAULT FALSE,
    quiet_from       TIME,
    quiet_until      TIME,
    digest           BOOLEAN     NOT NULL DEFAULT TRUE,
    -- the ISO week (2026-W49) of the last digest: one per week however many instances look
    last_digest_week VARCHAR(10),
    CONSTRAINT notification_settings_quiet_both CHECK ((quiet_from IS NULL) = (quiet_until IS NULL))
);

-- E-mails to send, written in the transaction that made them true; claimed with SKIP LOCKED, so
-- one instance sends each, and retried until the SMTP server takes it.
CREATE TABLE email_outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient_id    BIGINT        REFERENCES users (id) ON DELETE CASCADE,
    to_address      VARCHAR(254)  NOT NULL,
    subject         VARCHAR(300)  NOT NULL,
    text_body       TEXT          NOT NULL,
    html_body       TEXT          NOT NULL,
    topic           VARCHAR(40)   NOT NULL,
    -- why it was sent, for the admins' list; never what people wrote
    reason          VARCHAR(300)  NOT NULL,
    status          VARCHAR(8)    NOT NULL CHECK (status IN ('PENDING', 'SENT', 'DEAD')),
    attempts        INT           NOT NULL DEFAULT 0,
    -- quiet hours and retries move this on
    next_attempt_at TIMESTAMPTZ   NOT NULL,
    last_error      VARCHAR(1000),
    created_at      TIMESTAMPTZ   NOT NULL,
    sent_at         TIMESTAMPTZ
);
CREATE INDEX email_outbox_due ON email_outbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX email_outbox_recent ON email_outbox (created_at DESC);
