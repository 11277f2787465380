/**
 * Outbound webhooks in plain Java: signing per the Standard Webhooks specification, a sender on
 * OkHttp that classifies each attempt, the retry schedule, and a guard that keeps deliveries away
 * from internal addresses (server-side request forgery), also at connect time. No Spring, no JPA:
 * the portal decides what to send and when, this package only sends.
 */
package engawa.integrations.webhooks;
