-- SLOs (issue 10): OpenSLO v1 ratio SLOs of catalog services, budgeted by occurrences, their
-- measurements (good and total events per time slice), what the portal last told about each,
-- and each service's error-budget policy in words.

CREATE TABLE slos (
    id               BIGSERIAL PRIMARY KEY,
    service_id       BIGINT       NOT NULL REFERENCES catalog_services (id) ON DELETE CASCADE,
    -- OpenSLO metadata.name: a DNS label, unique within its service
    name             VARCHAR(63)  NOT NULL,
    display_name     VARCHAR(200),
    description      VARCHAR(2000),
    -- the sentence that says what counts as a good event, for people to read
    good_means       VARCHAR(500) NOT NULL,
    -- a ratio strictly between 0 and 1, e.g. 0.999; 8 decimals hold 99.999999%
    objective        NUMERIC(10, 8) NOT NULL,
    -- ROLLING over window_days (7, 28 or 30), or CALENDAR: the month in window_time_zone
    window_kind      VARCHAR(8)   NOT NULL,
    window_days      SMALLINT,
    window_time_zone VARCHAR(64),
    -- OpenSLO metricSource of type Prometheus: counters of good and of all events
    good_query       VARCHAR(2000),
    total_query      VARCHAR(2000),
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    version          BIGINT       NOT NULL DEFAULT 1,
    -- the last evaluation, which lists and the scorecard read instead of the measurements
    state            VARCHAR(16)  NOT NULL DEFAULT 'NO_DATA',
    alert_level      VARCHAR(8)   NOT NULL DEFAULT 'NONE',
    -- the lowest budget mark passed and told (100, 50, 25, 0): an event once per crossing
    budget_mark      SMALLINT     NOT NULL DEFAULT 100,
    budget_remaining NUMERIC,
    achieved         NUMERIC,
    evaluated_at     TIMESTAMPTZ,
    -- when a measurement last arrived (by any of the three ways)
    received_at      TIMESTAMPTZ,
    -- Prometheus pull: the next pull is due at pull_due_at; an instance pulling holds a lease
    pull_due_at      TIMESTAMPTZ,
    pull_lease_until TIMESTAMPTZ,
    pulled_at        TIMESTAMPTZ,
    pulled_until     TIMESTAMPTZ,
    pull_error       VARCHAR(2000),
    CONSTRAINT slos_name_format CHECK (name ~ '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'),
    CONSTRAINT slos_objective_range CHECK (objective > 0 AND objective < 1),
    CONSTRAINT slos_window_known CHECK (
        (window_kind = 'ROLLING' AND window_days IN (7, 28, 30) AND window_time_zone IS NULL)
        OR (window_kind = 'CALENDAR' AND window_days IS NULL AND window_time_zone IS NOT NULL)),
    CONSTRAINT slos_queries_paired CHECK ((good_query IS NULL) = (total_query IS NULL)),
    CONSTRAINT slos_state_known CHECK (state IN ('NO_DATA', 'HEALTHY', 'AT_RISK', 'BURNING_FAST', 'SPENT')),
    CONSTRAINT slos_alert_known CHECK (alert_level IN ('NONE', 'TICKET', 'PAGE'))
);
CREATE UNIQUE INDEX slos_service_name_unique ON slos (service_id, name);
CREATE INDEX slos_state_idx ON slos (state);
CREATE INDEX slos_pull_due_idx ON slos (pull_due_at) WHERE good_query IS NOT NULL;

-- One row per slice; a slice sent again (same start) replaces the one before. Slices of one SLO
-- never overlap (checked under the SLO's row lock) and last at most a day, so a window's slices
-- are a range scan of the primary key.
CREATE TABLE slo_measurements (
    slo_id   BIGINT      NOT NULL REFERENCES slos (id) ON DELETE CASCADE,
    start_at TIMESTAMPTZ NOT NULL,
    end_at   TIMESTAMPTZ NOT NULL,
    good     BIGINT      NOT NULL,
    total    BIGINT      NOT NULL,
    PRIMARY KEY (slo_id, start_at),
    CONSTRAINT slo_measurements_counts CHECK (good >= 0 AND total >= good),
    CONSTRAINT slo_measurements_length CHECK (end_at > start_at AND end_at <= start_at + INTERVAL '1 day')
);

CREATE TABLE slo_policies (
    service_id BIGINT       PRIMARY KEY REFERENCES catalog_services (id) ON DELETE CASCADE,
    policy     VARCHAR(4000) NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL,
    updated_by BIGINT REFERENCES users (id) ON DELETE SET NULL
);
