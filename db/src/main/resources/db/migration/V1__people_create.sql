-- People: the accounts, teams and personal API tokens that every other feature refers to.

CREATE TABLE teams (
    id          BIGSERIAL PRIMARY KEY,
    slug        VARCHAR(63)  NOT NULL UNIQUE,
    name        VARCHAR(120) NOT NULL,
    description VARCHAR(2000),
    parent_id   BIGINT REFERENCES teams (id) ON DELETE RESTRICT,
    created_at  TIMESTAMPTZ  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT teams_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    CONSTRAINT teams_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX teams_parent_idx ON teams (parent_id);

CREATE TABLE users (
    id             BIGSERIAL PRIMARY KEY,
    username       VARCHAR(64)  NOT NULL UNIQUE,
    display_name   VARCHAR(120) NOT NULL,
    email          VARCHAR(254),
    -- NULL for people who only ever sign in through single sign-on
    password_hash  VARCHAR(255),
    role           VARCHAR(16)  NOT NULL,
    locale         VARCHAR(16),
    oidc_issuer    VARCHAR(500),
    oidc_subject   VARCHAR(255),
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMPTZ  NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT users_role_known CHECK (role IN ('ADMIN', 'MEMBER')),
    CONSTRAINT users_username_format CHECK (username ~ '^[a-z0-9][a-z0-9._-]*$'),
    CONSTRAINT users_oidc_unique UNIQUE (oidc_issuer, oidc_subject)
);
CREATE UNIQUE INDEX users_email_unique ON users (lower(email)) WHERE email IS NOT NULL;

CREATE TABLE team_memberships (
    team_id   BIGINT      NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id   BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    joined_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_memberships_user_idx ON team_memberships (user_id);

CREATE TABLE api_tokens (
    id           BIGSERIAL PRIMARY KEY,
    user_id      BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         VARCHAR(100) NOT NULL,
    -- SHA-256 of the token, hex; the token itself is shown once and never stored
    token_hash   VARCHAR(64)  NOT NULL UNIQUE,
    -- the first characters, so a person can tell their tokens apart
    token_prefix VARCHAR(16)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id, created_at DESC);
