package engawa.db.catalog;

/**
 * The standard operations links every service has a place for: the "common minimum" of
 * operations that lets anyone help any team. In the order a service page shows them.
 */
public enum OpsLinkKind {
    LOGS("logs", "logs_url"),
    METRICS("metrics", "metrics_url"),
    ERRORS("errors", "errors_url"),
    ON_CALL("onCall", "on_call_url"),
    CI_CD("ciCd", "ci_cd_url"),
    RUNBOOK("runbook", "runbook_url"),
    SOURCE("source", "source_url"),
    DOCS("docs", "docs_url");

    /** The key in the API, the history, events, translation keys and the team defaults table. */
    public final String key;
    final String column;

    OpsLinkKind(String key, String column) {
        this.key = key;
        this.column = column;
    }

    public static OpsLinkKind byKey(String key) {
        for (OpsLinkKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown ops link kind " + key);
    }
}
