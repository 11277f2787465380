package engawa.db.catalog;

/**
 * The common minimum every service must have so that operations can help any team, each as a
 * condition on a catalog row {@code s}. The two SLO rules look at what the catalog keeps of the
 * service's SLOs ({@code catalog_service_slos}); "data received" compares with a time the caller
 * passes (the portal's clock, not the database's).
 */
public enum ScorecardRule {

    OWNER("owner", "(s.owner_team_id IS NOT NULL OR s.owner_user_id IS NOT NULL)"),
    ON_CALL("on-call", "s.on_call_url IS NOT NULL"),
    LOGS("logs", "s.logs_url IS NOT NULL"),
    METRICS("metrics", "s.metrics_url IS NOT NULL"),
    ERRORS("errors", "s.errors_url IS NOT NULL"),
    RUNBOOK("runbook", "s.runbook_url IS NOT NULL"),
    SLO("slo", "EXISTS (SELECT 1 FROM catalog_service_slos o WHERE o.service_id = s.id)"),
    SLO_DATA("slo-data", "EXISTS (SELECT 1 FROM catalog_service_slos o WHERE o.service_id = s.id AND o.data_received_at > ?)");

    /** The name in the API and in addresses. */
    public final String key;
    /** SQL on the catalog row {@code s}; {@link #SLO_DATA} takes one parameter, the oldest fresh time. */
    public final String sql;

    ScorecardRule(String key, String sql) {
        this.key = key;
        this.sql = sql;
    }

    /** The rule's name in translation keys: {@code onCall} for {@code on-call}. */
    public String textKey() {
        return java.util.regex.Pattern.compile("-([a-z])").matcher(key).replaceAll(m -> m.group(1).toUpperCase(java.util.Locale.ROOT));
    }

    public boolean takesTime() {
        return this == SLO_DATA;
    }

    public static java.util.Optional<ScorecardRule> byKey(String key) {
        return java.util.Arrays.stream(values()).filter(r -> r.key.equalsIgnoreCase(key)).findFirst();
    }
}
