package engawa.db.recipes;

/** Where a run is: queued in the outbox, sent and waiting for the workflow's answer, or finished. */
public enum RunStatus {
    QUEUED, SENT, SUCCEEDED, FAILED, NO_ANSWER;

    public boolean finished() {
        return this != QUEUED && this != SENT;
    }
}
