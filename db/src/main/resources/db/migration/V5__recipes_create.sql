-- Automation recipes (issue 8): a plain-language how-to with a form and a Run button. A run is an
-- event in the webhook outbox addressed to the recipe's own target, so it is claimed, signed,
-- retried and logged like every other delivery; the run row says what the person sees.

-- A subscription may watch one recipe's events only ('recipe:<slug>'); NULL watches every event
-- of its type. Recipe targets themselves are subscriptions of the private type 'recipe.run',
-- which nothing fans out to: each run is addressed to its recipe's target alone.
ALTER TABLE webhook_subscriptions ADD COLUMN scope VARCHAR(200);

CREATE TABLE recipes (
    id                 BIGSERIAL PRIMARY KEY,
    -- part of links and of subscriptions' scope: never changes once made
    slug               VARCHAR(63)  NOT NULL UNIQUE,
    owner_team_id      BIGINT REFERENCES teams (id),
    owner_user_id      BIGINT REFERENCES users (id),
    status             VARCHAR(16)  NOT NULL,
    category           VARCHAR(32)  NOT NULL,
    tags               TEXT[]       NOT NULL DEFAULT '{}',
    -- the working copy; runs use the published version in recipe_versions
    title_en           VARCHAR(120) NOT NULL,
    title_ja           VARCHAR(120),
    summary_en         VARCHAR(300) NOT NULL,
    summary_ja         VARCHAR(300),
    steps_en           TEXT         NOT NULL DEFAULT '',
    steps_ja           TEXT,
    inputs             JSONB        NOT NULL DEFAULT '[]',
    minutes_saved      INT          NOT NULL,
    calls_back         BOOLEAN      NOT NULL DEFAULT FALSE,
    answer_minutes     INT          NOT NULL DEFAULT 15,
    -- the target URL and its encrypted signing secret live in the subscription; a new URL or
    -- secret is a new subscription, so a delivery always signs with what it was queued for
    target_subscription_id UUID REFERENCES webhook_subscriptions (id) ON DELETE SET NULL,
    published_version  INT          NOT NULL DEFAULT 0,
    -- optimistic locking of the edit form
    edit_version       BIGINT       NOT NULL DEFAULT 0,
    test_runs_enabled  BOOLEAN      NOT NULL DEFAULT FALSE,
    test_every_days    INT          NOT NULL DEFAULT 7,
    next_test_at       TIMESTAMPTZ,
    -- health from finished runs (tests included): three failures in a row is broken
    health             VARCHAR(16)  NOT NULL DEFAULT 'UNKNOWN',
    failures_in_a_row  INT          NOT NULL DEFAULT 0,
    last_success_at    TIMESTAMPTZ,
    last_run_at        TIMESTAMPTZ,
    -- real (non-test) runs ever made: "used 120 times", and the "most used" order
    run_count          BIGINT       NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    published_at       TIMESTAMPTZ,
    search             TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, slug), 'A')
        || setweight(to_tsvector('simple'::regconfig, title_en), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(title_ja, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(engawa_search_grams(title_ja), '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, catalog_words_of(tags)), 'B')
        || setweight(to_tsvector('simple'::regconfig, summary_en), 'C')
        || setweight(to_tsvector('simple'::regconfig, coalesce(summary_ja, '')), 'C')
        || setweight(to_tsvector('simple'::regconfig, coalesce(engawa_search_grams(summary_ja), '')), 'C')) STORED,
    CONSTRAINT recipes_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    CONSTRAINT recipes_one_owner CHECK ((owner_team_id IS NULL) <> (owner_user_id IS NULL)),
    CONSTRAINT recipes_status_known CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    CONSTRAINT recipes_health_known CHECK (health IN ('UNKNOWN', 'HEALTHY', 'BROKEN')),
    CONSTRAINT recipes_minutes_saved_range CHECK (minutes_saved BETWEEN 0 AND 1440),
    CONSTRAINT recipes_answer_minutes_range CHECK (answer_minutes BETWEEN 1 AND 1440),
    CONSTRAINT recipes_test_every_days_range CHECK (test_every_days BETWEEN 1 AND 90),
    CONSTRAINT recipes_published_has_version CHECK (status = 'DRAFT' OR published_version > 0)
);
CREATE INDEX recipes_search_idx ON recipes USING GIN (search);
CREATE INDEX recipes_gallery_idx ON recipes (status, category);
CREATE INDEX recipes_most_used_idx ON recipes (run_count DESC, id) WHERE status = 'PUBLISHED';
CREATE INDEX recipes_newest_idx ON recipes (published_at DESC, id) WHERE status = 'PUBLISHED';
CREATE INDEX recipes_owner_team_idx ON recipes (owner_team_id);
CREATE INDEX recipes_owner_user_idx ON recipes (owner_user_id);
CREATE INDEX recipes_tests_due_idx ON recipes (next_test_at) WHERE test_runs_enabled AND status = 'PUBLISHED';

-- every publication, as it was: what a run of that version showed and sent
CREATE TABLE recipe_versions (
    recipe_id    BIGINT      NOT NULL REFERENCES recipes (id) ON DELETE CASCADE,
    version      INT         NOT NULL,
    content      JSONB       NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    published_by VARCHAR(64) NOT NULL,
    PRIMARY KEY (recipe_id, version)
);

CREATE TABLE recipe_runs (
    -- time-ordered (UUID version 7): also the order of a list
    id            UUID         PRIMARY KEY,
    recipe_id     BIGINT       NOT NULL REFERENCES recipes (id),
    version       INT          NOT NULL,
    -- null for the portal's scheduled test runs
    requested_by  BIGINT REFERENCES users (id),
    requested_at  TIMESTAMPTZ  NOT NULL,
    inputs        JSONB        NOT NULL,
    test          BOOLEAN      NOT NULL DEFAULT FALSE,
    status        VARCHAR(16)  NOT NULL,
    -- the outbox event that carries it (no foreign key: the outbox forgets after its retention)
    event_id      UUID         NOT NULL UNIQUE,
    -- set when delivered to a workflow that calls back: past it, the run has had no answer
    answer_by     TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ,
    message       VARCHAR(1000),
    output        JSONB,
    -- the recipe's figure when it ran, so later edits do not rewrite the time saved
    minutes_saved INT          NOT NULL,
    -- "Try again" makes a new run that remembers the one it repeats
    retry_of      UUID REFERENCES recipe_runs (id),
    CONSTRAINT recipe_runs_status_known CHECK (status IN ('QUEUED', 'SENT', 'SUCCEEDED', 'FAILED', 'NO_ANSWER')),
    CONSTRAINT recipe_runs_finished_has_time CHECK (status IN ('QUEUED', 'SENT') OR finished_at IS NOT NULL)
);
CREATE INDEX recipe_runs_by_recipe_idx ON recipe_runs (recipe_id, id DESC);
CREATE INDEX recipe_runs_by_person_idx ON recipe_runs (requested_by, id DESC);
CREATE INDEX recipe_runs_waiting_idx ON recipe_runs (answer_by) WHERE status = 'SENT';
-- runs still queued: the sweep that catches a delivery given up without the run hearing of it
CREATE INDEX recipe_runs_queued_idx ON recipe_runs (requested_at) WHERE status = 'QUEUED';
-- time saved this month, for everyone together
CREATE INDEX recipe_runs_saved_idx ON recipe_runs (requested_at) INCLUDE (minutes_saved)
    WHERE status = 'SUCCEEDED' AND NOT test;
