-- Catalogs arrive in any order (issue 11): a reference to a team, person or parent that is not in
-- Engawa yet is kept as pending, as written, and resolves when the entity arrives in a later
-- import. And Japanese (and other scripts written without spaces) is searched by any part.

-- A service is owned by a team, a person, or (until it arrives) an owner named in a catalog file.
ALTER TABLE catalog_services ADD COLUMN owner_pending VARCHAR(200);
ALTER TABLE catalog_services DROP CONSTRAINT catalog_services_one_owner;
ALTER TABLE catalog_services ADD CONSTRAINT catalog_services_one_owner CHECK (
    (owner_team_id IS NOT NULL)::int + (owner_user_id IS NOT NULL)::int + (owner_pending IS NOT NULL)::int = 1);
CREATE INDEX catalog_services_owner_pending_idx ON catalog_services (owner_pending) WHERE owner_pending IS NOT NULL;

ALTER TABLE catalog_entities ADD COLUMN owner_pending VARCHAR(200);
ALTER TABLE catalog_entities ADD CONSTRAINT catalog_entities_one_pending_or_owner CHECK (
    owner_pending IS NULL OR (owner_team_id IS NULL AND owner_user_id IS NULL));
CREATE INDEX catalog_entities_owner_pending_idx ON catalog_entities (owner_pending) WHERE owner_pending IS NOT NULL;

-- A team whose parent Group has not been imported yet: the team exists (without a parent) and
-- takes its place below the parent when that arrives.
CREATE TABLE catalog_pending_team_parents (
    team_id     BIGINT      PRIMARY KEY REFERENCES teams (id) ON DELETE CASCADE,
    parent_slug VARCHAR(63) NOT NULL,
    CONSTRAINT catalog_pending_team_parents_slug_format CHECK (parent_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
CREATE INDEX catalog_pending_team_parents_parent_idx ON catalog_pending_team_parents (parent_slug);

-- A membership (User memberOf, or a Group's members) of which the team or the person is not in
-- Engawa yet: by names, since either side may be missing.
CREATE TABLE catalog_pending_memberships (
    team_slug VARCHAR(63) NOT NULL,
    username  VARCHAR(64) NOT NULL,
    PRIMARY KEY (team_slug, username)
);
CREATE INDEX catalog_pending_memberships_user_idx ON catalog_pending_memberships (username);

-- Scripts written without spaces (Japanese kana and kanji, Chinese): every run of them becomes its
-- overlapping pairs of characters and its last character, so that any part of a title is found:
-- "決済" matches the pair 決済 of 決済ゲートウェイ; a longer part matches its pairs in a row
-- (tsquery's <->), a single character the pairs that begin with it. Latin words are unchanged.
-- Shared by every feature that searches text (the catalog now, the recipes gallery next).
CREATE FUNCTION engawa_search_grams(body TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN (SELECT string_agg(CASE WHEN i < length(run) THEN substr(run, i, 2) ELSE substr(run, i, 1) END, ' '
                              ORDER BY n, i)
            FROM regexp_matches(lower(body), '[\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]+', 'g')
                     WITH ORDINALITY AS r(m, n),
                 LATERAL (SELECT r.m[1] AS run) x,
                 LATERAL generate_series(1, length(run)) AS i);

ALTER TABLE catalog_services ALTER COLUMN search SET EXPRESSION AS (
    setweight(to_tsvector('simple'::regconfig, name), 'A')
    || setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('simple'::regconfig, coalesce(engawa_search_grams(title), '')), 'A')
    || setweight(to_tsvector('simple'::regconfig, catalog_words_of(tags)), 'B')
    || setweight(to_tsvector('simple'::regconfig, coalesce(description, '')), 'C')
    || setweight(to_tsvector('simple'::regconfig, coalesce(engawa_search_grams(description), '')), 'C'));
