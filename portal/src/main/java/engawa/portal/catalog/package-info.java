/**
 * The service catalog: every service with its owner, lifecycle, tier, standard ops links,
 * dependencies and history; search, editing with optimistic locking, the new-service wizard, and
 * Backstage files in and out ({@code backstage}). Emits {@code service.created} and
 * {@code service.updated} through the webhook outbox.
 */
package engawa.portal.catalog;
