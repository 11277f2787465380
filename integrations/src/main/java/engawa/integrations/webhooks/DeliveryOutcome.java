package engawa.integrations.webhooks;

/** What one attempt means for the delivery. */
public enum DeliveryOutcome {
    /** 2xx: done. */
    DELIVERED,
    /** Worth another attempt later: 5xx, 429, other non-2xx, timeouts, connection errors. */
    RETRY,
    /** 410 Gone: the subscriber asked to be removed (Zapier's REST hook contract). */
    GONE,
    /** Not sent: the target is not allowed (internal address, scheme, plain HTTP). */
    REFUSED_TARGET
}
