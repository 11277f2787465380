package engawa.portal.webhooks;

/**
 * Completes a queued event's data just before it is sent, with what must not be stored in the
 * outbox: the recipes feature puts each run's callback token into its workflow's payload here, so
 * the token is derived when needed and is written nowhere (not in the event, not in the log).
 * Implemented by the feature that owns the private target type.
 */
public interface SendTimeData {

    /** Whether this completes events of {@code eventType}. */
    boolean handles(String eventType);

    /** The data as it goes out, from the data as it was queued. */
    String complete(String dataJson);
}
