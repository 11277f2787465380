package engawa.portal.webhooks;

/** A subscription just made, with its signing secret: the only time the secret is shown. */
public record NewSubscription(Subscription subscription, String secret) {

    @Override
    public String toString() {
        return "NewSubscription[" + subscription + ", secret=redacted]";
    }
}
