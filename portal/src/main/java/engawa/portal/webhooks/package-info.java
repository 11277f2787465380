/**
 * The one way anything leaves the portal: the outbox, signed deliveries per Standard Webhooks with
 * retries, Zapier REST hook subscriptions, the delivery log, and private targets (a recipe's
 * workflow).
 *
 * <p>Owns the {@code webhook_*} tables. Listens to every {@link engawa.portal.webhooks.WebhookEvent}
 * a feature publishes and writes it to the outbox in the publisher's transaction; learns the event
 * types from the features' {@link engawa.portal.webhooks.EventTypeSource} beans, so it knows none of
 * them. Offers {@link engawa.portal.webhooks.PrivateTargets}, {@link engawa.portal.webhooks.WebhookTargets}
 * (which addresses may receive) and {@link engawa.portal.webhooks.DeliveryListener}. Depends on people.
 */
package engawa.portal.webhooks;
