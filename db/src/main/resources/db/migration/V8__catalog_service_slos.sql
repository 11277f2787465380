-- What the catalog's list, filter and scorecard need to know of a service's SLOs, kept by the catalog
-- and told to it by the SLO feature whenever an SLO is added, removed, evaluated or receives data, so
-- that the catalog reads only its own tables (issue 17: catalog no longer depends on SLOs).
CREATE TABLE catalog_service_slos (
    service_id       BIGINT       PRIMARY KEY REFERENCES catalog_services (id) ON DELETE CASCADE,
    slo_count        INT          NOT NULL CHECK (slo_count > 0),
    -- the states its SLOs are in now, each once
    states           VARCHAR(16)[] NOT NULL,
    worst_state      VARCHAR(16)  NOT NULL,
    -- the newest measurement any of its SLOs received
    data_received_at TIMESTAMPTZ
);

CREATE INDEX catalog_service_slos_states ON catalog_service_slos USING gin (states);

-- the SLOs there are now: a one-time copy, the migration being the only place that may read both
INSERT INTO catalog_service_slos (service_id, slo_count, states, worst_state, data_received_at)
SELECT o.service_id, count(*), array_agg(DISTINCT o.state),
       (array_agg(o.state ORDER BY CASE o.state WHEN 'SPENT' THEN 0 WHEN 'BURNING_FAST' THEN 1 WHEN 'AT_RISK' THEN 2
                                                 WHEN 'HEALTHY' THEN 3 ELSE 4 END))[1],
       max(o.received_at)
FROM slos o GROUP BY o.service_id;
