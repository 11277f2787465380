package engawa.db.webhooks;

/** Where a delivery stands; the delivery log filters by these. */
public enum DeliveryStatus {
    /** Not tried yet. */
    PENDING,
    /** Tried and failed; another attempt is scheduled. */
    FAILED,
    DELIVERED,
    /** Given up: the schedule ran out, or the subscription was disabled or deleted. */
    DEAD;

    public boolean open() {
        return this == PENDING || this == FAILED;
    }
}
