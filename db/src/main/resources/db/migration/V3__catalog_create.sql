-- Catalog: services (Backstage Components) with their standard operations links, the other
-- entities they refer to (System, Domain, Resource, API), relations between them, the change
-- history, and each team's default ops links for new services.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- to_tsvector over an array needs an immutable text form to be part of a generated column
CREATE FUNCTION catalog_words_of(tags TEXT[]) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN array_to_string(tags, ' ');

CREATE TABLE catalog_services (
    id            BIGSERIAL PRIMARY KEY,
    namespace     VARCHAR(63)  NOT NULL DEFAULT 'default',
    name          VARCHAR(63)  NOT NULL,
    title         VARCHAR(200),
    description   TEXT,
    type          VARCHAR(63)  NOT NULL,
    lifecycle     VARCHAR(16)  NOT NULL,
    -- 1 = most critical ... 4; NULL until an owner says
    tier          SMALLINT,
    owner_team_id BIGINT REFERENCES teams (id) ON DELETE RESTRICT,
    owner_user_id BIGINT REFERENCES users (id) ON DELETE RESTRICT,
    system_name   VARCHAR(63),
    tags          TEXT[]       NOT NULL DEFAULT '{}',
    -- links that are not one of the standard ops links: [{"url", "title"}]
    links         JSONB        NOT NULL DEFAULT '[]',
    -- what a Backstage file carried that Engawa does not show, written back on export
    annotations   JSONB        NOT NULL DEFAULT '{}',
    logs_url      VARCHAR(2000),
    metrics_url   VARCHAR(2000),
    errors_url    VARCHAR(2000),
    on_call_url   VARCHAR(2000),
    ci_cd_url     VARCHAR(2000),
    runbook_url   VARCHAR(2000),
    source_url    VARCHAR(2000),
    docs_url      VARCHAR(2000),
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 1,
    -- the entity reference others use for it, as Backstage compares them
    ref           VARCHAR(200) GENERATED ALWAYS AS ('component:' || namespace || '/' || lower(name)) STORED,
    search        TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, name), 'A')
        || setweight(to_tsvector('simple'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, catalog_words_of(tags)), 'B')
        || setweight(to_tsvector('simple'::regconfig, coalesce(description, '')), 'C')) STORED,
    CONSTRAINT catalog_services_name_format CHECK (name ~ '^[a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*$'),
    CONSTRAINT catalog_services_namespace_format CHECK (namespace ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    CONSTRAINT catalog_services_lifecycle_known CHECK (lifecycle IN ('experimental', 'production', 'deprecated')),
    CONSTRAINT catalog_services_tier_range CHECK (tier BETWEEN 1 AND 4),
    CONSTRAINT catalog_services_one_owner CHECK ((owner_team_id IS NULL) <> (owner_user_id IS NULL)),
    CONSTRAINT catalog_services_description_length CHECK (length(description) <= 20000)
);
-- Backstage compares names regardless of case; one name is one service across namespaces
CREATE UNIQUE INDEX catalog_services_name_unique ON catalog_services (lower(name));
CREATE UNIQUE INDEX catalog_services_ref_unique ON catalog_services (ref);
CREATE INDEX catalog_services_search_idx ON catalog_services USING GIN (search);
CREATE INDEX catalog_services_name_trgm_idx ON catalog_services USING GIST (lower(name) gist_trgm_ops);
CREATE INDEX catalog_services_owner_team_idx ON catalog_services (owner_team_id, lower(name));
CREATE INDEX catalog_services_owner_user_idx ON catalog_services (owner_user_id, lower(name)) WHERE owner_user_id IS NOT NULL;
CREATE INDEX catalog_services_facets_idx ON catalog_services (lifecycle, tier);
CREATE INDEX catalog_services_tags_idx ON catalog_services USING GIN (tags);
CREATE INDEX catalog_services_system_idx ON catalog_services (lower(system_name));

-- The words and tags of every service: words so that a mistyped one can be corrected to one that
-- exists, tags to suggest in the filter. Fed by triggers. Words are never pruned (a stale word
-- only leads to a correction that finds nothing); the portal prunes unused tags hourly.
CREATE TABLE catalog_search_words (
    word TEXT PRIMARY KEY
);
CREATE INDEX catalog_search_words_trgm_idx ON catalog_search_words USING GIST (word gist_trgm_ops);
CREATE TABLE catalog_tags (
    tag TEXT PRIMARY KEY
);

CREATE FUNCTION catalog_remember_words() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO catalog_search_words (word)
    SELECT DISTINCT w FROM changed_rows, unnest(tsvector_to_array(changed_rows.search)) AS w
    WHERE w ~ '^[[:alpha:]][[:alpha:]-]{2,40}$'
    ON CONFLICT DO NOTHING;
    INSERT INTO catalog_tags (tag)
    SELECT DISTINCT t FROM changed_rows, unnest(changed_rows.tags) AS t
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER catalog_services_words_on_insert AFTER INSERT ON catalog_services
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_remember_words();
CREATE TRIGGER catalog_services_words_on_update AFTER UPDATE ON catalog_services
    REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_remember_words();

-- The kinds a service refers to: System and Domain group services, Resource (a database, a
-- queue) and API are what they depend on, provide or consume.
CREATE TABLE catalog_entities (
    id            BIGSERIAL PRIMARY KEY,
    kind          VARCHAR(16)  NOT NULL,
    namespace     VARCHAR(63)  NOT NULL DEFAULT 'default',
    name          VARCHAR(63)  NOT NULL,
    title         VARCHAR(200),
    description   TEXT,
    type          VARCHAR(63),
    lifecycle     VARCHAR(63),
    owner_team_id BIGINT REFERENCES teams (id) ON DELETE RESTRICT,
    owner_user_id BIGINT REFERENCES users (id) ON DELETE RESTRICT,
    -- a System's domain, a Resource's or an API's system: an entity reference
    parent_ref    VARCHAR(200),
    tags          TEXT[]       NOT NULL DEFAULT '{}',
    links         JSONB        NOT NULL DEFAULT '[]',
    annotations   JSONB        NOT NULL DEFAULT '{}',
    -- the rest of the Backstage spec (an API's definition, say), kept for export
    spec          JSONB        NOT NULL DEFAULT '{}',
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    ref           VARCHAR(200) GENERATED ALWAYS AS (kind || ':' || namespace || '/' || lower(name)) STORED,
    CONSTRAINT catalog_entities_kind_known CHECK (kind IN ('system', 'domain', 'resource', 'api')),
    CONSTRAINT catalog_entities_name_format CHECK (name ~ '^[a-zA-Z0-9]+([-_.][a-zA-Z0-9]+)*$'),
    CONSTRAINT catalog_entities_at_most_one_owner CHECK (owner_team_id IS NULL OR owner_user_id IS NULL)
);
CREATE UNIQUE INDEX catalog_entities_ref_unique ON catalog_entities (ref);
CREATE INDEX catalog_entities_name_trgm_idx ON catalog_entities USING GIST (lower(name) gist_trgm_ops);

-- Relations from a service, to entity references (kind:namespace/name, lower case as Backstage
-- compares them). A reference may point at nothing in the catalog yet: real catalogs have those,
-- and the service page says so instead of losing the reference.
CREATE TABLE catalog_relations (
    service_id BIGINT       NOT NULL REFERENCES catalog_services (id) ON DELETE CASCADE,
    relation   VARCHAR(16)  NOT NULL,
    target_ref VARCHAR(200) NOT NULL,
    PRIMARY KEY (service_id, relation, target_ref),
    CONSTRAINT catalog_relations_known CHECK (relation IN ('DEPENDS_ON', 'PROVIDES_API', 'CONSUMES_API')),
    CONSTRAINT catalog_relations_ref_format CHECK (target_ref ~ '^[a-z]+:[a-z0-9-]+/[a-z0-9]+([-_.][a-z0-9]+)*$')
);
CREATE INDEX catalog_relations_target_idx ON catalog_relations (target_ref, relation);

-- Who changed which fields of a service, from what to what, and when.
CREATE TABLE catalog_service_changes (
    id         BIGSERIAL PRIMARY KEY,
    service_id BIGINT      NOT NULL REFERENCES catalog_services (id) ON DELETE CASCADE,
    -- the service's version after this change
    version    BIGINT      NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL,
    actor      VARCHAR(64) NOT NULL,
    action     VARCHAR(16) NOT NULL,
    -- {"field": {"from": ..., "to": ...}}
    changes    JSONB       NOT NULL,
    CONSTRAINT catalog_service_changes_action_known CHECK (action IN ('CREATED', 'UPDATED', 'IMPORTED'))
);
CREATE INDEX catalog_service_changes_service_idx ON catalog_service_changes (service_id, version DESC);

-- A team's ops links for its new services, with {name} for the service's name. Child teams
-- inherit their parents' ("the common minimum" that SRE sets once for all of Engineering).
CREATE TABLE catalog_team_link_defaults (
    team_id      BIGINT        NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    link_kind    VARCHAR(16)   NOT NULL,
    url_template VARCHAR(2000) NOT NULL,
    PRIMARY KEY (team_id, link_kind),
    CONSTRAINT catalog_team_link_defaults_kind_known
        CHECK (link_kind IN ('logs', 'metrics', 'errors', 'onCall', 'ciCd', 'runbook', 'source', 'docs'))
);
