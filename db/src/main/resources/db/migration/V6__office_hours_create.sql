-- Open-door office hours (issue 9). A series is what a host announces (one session or a weekly
-- rhythm); each occurrence is a row of its own, made when the series is saved (a recurrence is
-- always bounded by COUNT or UNTIL), so seats, sign-ups, reminders and moved or cancelled dates
-- belong to one dated row and the upcoming list is one index range.

CREATE TABLE office_series (
    id                BIGSERIAL PRIMARY KEY,
    -- the iCalendar UID: stable for as long as the series exists
    uid               VARCHAR(100) NOT NULL UNIQUE,
    title_en          VARCHAR(160) NOT NULL,
    title_ja          VARCHAR(160),
    description       TEXT         NOT NULL DEFAULT '',
    topics            TEXT[]       NOT NULL DEFAULT '{}',
    kind              VARCHAR(8)   NOT NULL CHECK (kind IN ('DROP_IN', 'SEATED')),
    capacity          INT          CHECK (capacity > 0),
    room              VARCHAR(200),
    video_url         VARCHAR(500),
    -- the session's own zone: a 10:00 Berlin session stays 10:00 Berlin time across DST
    time_zone         VARCHAR(64)  NOT NULL,
    first_start_local TIMESTAMP    NOT NULL,
    duration_minutes  INT          NOT NULL CHECK (duration_minutes > 0),
    -- RFC 5545 RRULE (FREQ=WEEKLY, INTERVAL 1 or 2, COUNT or UNTIL); NULL for a single session
    rrule             VARCHAR(200),
    reminder_minutes  INT          NOT NULL DEFAULT 60 CHECK (reminder_minutes >= 0),
    recipe_slugs      TEXT[]       NOT NULL DEFAULT '{}',
    service_names     TEXT[]       NOT NULL DEFAULT '{}',
    -- iCalendar SEQUENCE: raised on every change calendars must pick up
    sequence          INT          NOT NULL DEFAULT 0,
    -- "this and following" splits a series; the new one remembers where it came from
    split_from        BIGINT       REFERENCES office_series (id) ON DELETE SET NULL,
    cancelled_at      TIMESTAMPTZ,
    created_by        BIGINT       REFERENCES users (id),
    created_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    CHECK ((kind = 'SEATED') = (capacity IS NOT NULL))
);

CREATE TABLE office_series_hosts (
    series_id BIGINT NOT NULL REFERENCES office_series (id) ON DELETE CASCADE,
    user_id   BIGINT NOT NULL REFERENCES users (id),
    PRIMARY KEY (series_id, user_id)
);
CREATE INDEX office_series_hosts_user_idx ON office_series_hosts (user_id);

CREATE TABLE office_sessions (
    id               BIGSERIAL PRIMARY KEY,
    series_id        BIGINT      NOT NULL REFERENCES office_series (id) ON DELETE CASCADE,
    -- the start the recurrence rule gives, in the series' zone: the RECURRENCE-ID of a moved one
    recurrence_local TIMESTAMP   NOT NULL,
    starts_at        TIMESTAMPTZ NOT NULL,
    ends_at          TIMESTAMPTZ NOT NULL CHECK (ends_at > starts_at),
    moved            BOOLEAN     NOT NULL DEFAULT FALSE,
    cancelled_at     TIMESTAMPTZ,
    -- seats taken: changed only while this row is locked, which is what makes overbooking impossible
    confirmed        INT         NOT NULL DEFAULT 0 CHECK (confirmed >= 0),
    -- deferred: editing a series shifts its sessions one by one through each other's dates
    CONSTRAINT office_sessions_once UNIQUE (series_id, recurrence_local) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX office_sessions_starts_idx ON office_sessions (starts_at, id);

CREATE TABLE office_signups (
    -- assigned under the session's row lock: the order in which people were served
    id               BIGSERIAL PRIMARY KEY,
    session_id       BIGINT      NOT NULL REFERENCES office_sessions (id) ON DELETE CASCADE,
    user_id          BIGINT      NOT NULL REFERENCES users (id),
    status           VARCHAR(12) NOT NULL CHECK (status IN ('CONFIRMED', 'WAITLISTED', 'CANCELLED')),
    -- "what I want to automate", as the person wrote it
    wish             VARCHAR(300),
    -- a drop-in's "I will drop by around ..."
    drop_by_at       TIMESTAMPTZ,
    attended         BOOLEAN,
    -- the recipe the attendee built or ran after the session
    recipe_id        BIGINT      REFERENCES recipes (id) ON DELETE SET NULL,
    added_by         BIGINT      REFERENCES users (id),
    created_at       TIMESTAMPTZ NOT NULL,
    promoted_at      TIMESTAMPTZ,
    cancelled_at     TIMESTAMPTZ,
    reminded_at      TIMESTAMPTZ
);
CREATE UNIQUE INDEX office_signups_once_idx ON office_signups (session_id, user_id) WHERE status <> 'CANCELLED';
CREATE INDEX office_signups_waitlist_idx ON office_signups (session_id, id) WHERE status = 'WAITLISTED';
CREATE INDEX office_signups_person_idx ON office_signups (user_id, session_id) WHERE status <> 'CANCELLED';
CREATE INDEX office_signups_unreminded_idx ON office_signups (session_id) WHERE status = 'CONFIRMED' AND reminded_at IS NULL;

-- A wish a host turned into a draft recipe: the key is the wish as grouped (lower case, trimmed).
CREATE TABLE office_wish_recipes (
    series_id  BIGINT       NOT NULL REFERENCES office_series (id) ON DELETE CASCADE,
    wish_key   VARCHAR(300) NOT NULL,
    recipe_id  BIGINT       NOT NULL REFERENCES recipes (id) ON DELETE CASCADE,
    created_by BIGINT       REFERENCES users (id),
    created_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (series_id, wish_key)
);

-- A personal calendar feed: the secret in its address is stored as a SHA-256 hash only.
CREATE TABLE calendar_feeds (
    user_id    BIGINT      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token_hash BYTEA       NOT NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL
);
